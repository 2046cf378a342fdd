// `npm test`: type-check, lint and format check, then every test file with Node's test runner on a SQLite file; then, when
// SHIPSHEET_TEST_DATABASE_URL names a PostgreSQL database, the API suite again on PostgreSQL.
// What npm cannot install (PostgreSQL, a Chromium for the browser tests) is looked for; without it those tests are
// skipped, each reason said once at the end with how to enable them. SHIPSHEET_TEST_STRICT=1 (.ci/run) makes a
// missing tool a failure instead. Ends with one "N passed, N failed, N skipped" line over all passes, and exits
// non-zero on any failure.
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

const STRICT = process.env.SHIPSHEET_TEST_STRICT === '1';
const totals = { passed: 0, failed: 0, skipped: 0 };
/** Why tests were skipped, each reason once (from the TAP stream's `# SKIP reason`). */
const skipReasons = new Set();

function runPass(label, files, env) {
  if (!files.length) return true;
  process.stdout.write(`\n=== ${label}: ${files.length} files ===\n`);
  const tap = path.join(os.tmpdir(), `shipsheet-tap-${process.pid}-${label.replace(/\W+/g, '_')}.txt`);
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-concurrency=2',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...files,
    ],
    { stdio: 'inherit', env: { ...process.env, ...env } },
  );
  const summary = fs.existsSync(tap) ? fs.readFileSync(tap, 'utf8') : '';
  fs.rmSync(tap, { force: true });
  const count = (name) => Number((summary.match(new RegExp(`^# ${name} (\\d+)$`, 'm')) ?? [])[1] ?? 0);
  totals.passed += count('pass');
  totals.failed += count('fail') + count('cancelled');
  // Counted from the `# SKIP` lines rather than the `# skipped` total, which leaves out skipped suites (a browser
  // suite skipped whole is one line; the tests inside it are never listed).
  const skips = [...summary.matchAll(/^\s*ok \d+ - .*# SKIP\s*(.*)$/gm)];
  totals.skipped += skips.length + count('todo');
  for (const [, reason] of skips) skipReasons.add(reason.trim() || '(no reason given)');
  return result.status === 0;
}

/** A whole-tree check before the tests. A failure counts as a failed test so the closing line cannot read clean. */
function preCheck(label, script, args) {
  process.stdout.write(`=== ${label} ===\n`);
  const run = spawnSync(process.execPath, [path.join(root, script), ...args], { stdio: 'inherit' });
  if (run.status === 0) return true;
  process.stdout.write(`✖ ${label} failed\n`);
  totals.failed += 1;
  return false;
}

let ok = true;
if (!filters.length) {
  ok = preCheck('type check', 'node_modules/typescript/bin/tsc', ['--noEmit', '-p', '.']) && ok;
  // The lint carries the layering rules (eslint.config.mjs): a boundary crossed fails the run like a type error.
  ok = preCheck('lint', 'node_modules/eslint/bin/eslint.js', ['--max-warnings=0', '.']) && ok;
  ok = preCheck('format', 'node_modules/prettier/bin/prettier.cjs', ['--check', '--log-level=warn', '.']) && ok;
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
const dbTests = all.filter((f) => f.startsWith(path.join('test', 'api')));
if (pgUrl) {
  ok = runPass('postgresql', dbTests, { SHIPSHEET_TEST_DB: 'postgres' }) && ok;
} else if (dbTests.length) {
  const why = `PostgreSQL pass (${dbTests.length} API files) not run: SHIPSHEET_TEST_DATABASE_URL is not set. To run it, point it at a database the tests may create schemas in, e.g. SHIPSHEET_TEST_DATABASE_URL=postgres://shipsheet:shipsheet@127.0.0.1:5432/shipsheet_ci npm test (.ci/run sets one up)`;
  if (STRICT) {
    process.stdout.write(`\n✖ ${why}\n  (SHIPSHEET_TEST_STRICT=1: a missing tool fails the run)\n`);
    totals.failed += 1;
    ok = false;
  } else {
    skipReasons.add(why);
  }
}

if (skipReasons.size) {
  process.stdout.write('\nSkipped:\n');
  for (const reason of skipReasons) process.stdout.write(`  - ${reason}\n`);
}
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
