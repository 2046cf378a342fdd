// `npm test`: type-check, then every test file with Node's test runner on a SQLite file; then, when
// SHIPSHEET_TEST_DATABASE_URL names a PostgreSQL database, the API suite again on PostgreSQL.
// Ends with one "N passed, N failed" line over all passes, and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);

function findTests(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? findTests(path.join(dir, e.name)) : e.name.endsWith('.test.ts') ? [path.join(dir, e.name)] : []))
    .sort();
}

// Optional filter: `npm test -- api/orders` runs only files whose path contains one of the words.
const filters = process.argv.slice(2);
const pick = (files) => (filters.length ? files.filter((f) => filters.some((w) => f.includes(w))) : files);

const totals = { passed: 0, failed: 0, skipped: 0 };

function runPass(label, files, env) {
  if (!files.length) return true;
  process.stdout.write(`\n=== ${label}: ${files.length} files ===\n`);
  const tap = path.join(os.tmpdir(), `shipsheet-tap-${process.pid}-${label.replace(/\W+/g, '_')}.txt`);
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files],
    { stdio: 'inherit', env: { ...process.env, ...env } },
  );
  const summary = fs.existsSync(tap) ? fs.readFileSync(tap, 'utf8') : '';
  fs.rmSync(tap, { force: true });
  const count = (name) => Number((summary.match(new RegExp(`^# ${name} (\\d+)$`, 'm')) ?? [])[1] ?? 0);
  totals.passed += count('pass');
  totals.failed += count('fail') + count('cancelled');
  totals.skipped += count('skipped') + count('todo');
  return result.status === 0;
}

let ok = true;
if (!filters.length) {
  process.stdout.write('=== type check ===\n');
  const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', '.'], { stdio: 'inherit' });
  if (tsc.status !== 0) {
    // Counted as a failed test so the closing line cannot read as a clean run.
    process.stdout.write('✖ type check failed\n');
    totals.failed += 1;
    ok = false;
  }
}

const all = pick(findTests('test'));
// The browser tests load the built pane. Built once here: test files run in parallel, and one file rebuilding
// dist/addin (which empties it first) while another's browser loads a page would fail that page.
let paneEnv = {};
if (all.some((f) => f.startsWith(path.join('test', 'e2e')))) {
  process.stdout.write('=== pane build ===\n');
  const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  if (build.status !== 0) {
    process.stdout.write('✖ pane build failed\n');
    totals.failed += 1;
    ok = false;
  }
  paneEnv = { SHIPSHEET_PANE_BUILT: '1' };
}
ok = runPass('sqlite', all, { SHIPSHEET_TEST_DB: 'sqlite', ...paneEnv }) && ok;

const pgUrl = process.env.SHIPSHEET_TEST_DATABASE_URL;
if (pgUrl) {
  const dbTests = all.filter((f) => f.startsWith(path.join('test', 'api')));
  ok = runPass('postgresql', dbTests, { SHIPSHEET_TEST_DB: 'postgres' }) && ok;
} else {
  process.stdout.write('\n(SHIPSHEET_TEST_DATABASE_URL not set: the PostgreSQL pass is skipped)\n');
}

process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}\n`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
