// `npm test`: type-check, lint and format check, then every test file with vitest (vitest.config.ts): the unit and
// browser projects, the API files on SQLite and, when SHIPSHEET_TEST_DATABASE_URL names a PostgreSQL database, on
// PostgreSQL too (project api-postgres).
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
/** Why tests were skipped, each reason once (from scripts/count-reporter.mjs). */
const skipReasons = new Set();

/**
 * One vitest run over the picked files (all of them when unfiltered), every project of vitest.config.ts at once;
 * the default reporter prints progress and failures, count-reporter.mjs the counts.
 */
function runVitest(files, env) {
  if (!files.length) return true;
  process.stdout.write(`\n=== vitest: ${files.length} files ===\n`);
  const counts = path.join(os.tmpdir(), `shipsheet-counts-${process.pid}.json`);
  fs.rmSync(counts, { force: true });
  const result = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--reporter=default',
      '--reporter=./scripts/count-reporter.mjs',
      // Unfiltered: every file of every project. Filtered: the picked paths, each matching only itself.
      ...(filters.length ? files : []),
    ],
    { stdio: 'inherit', env: { ...process.env, ...env, SHIPSHEET_TEST_COUNTS: counts } },
  );
  if (!fs.existsSync(counts)) {
    // vitest stopped before the end of its run (a broken config, a crash): nothing was counted, so say so and fail.
    process.stdout.write(`✖ vitest ended (status ${result.status}) without counting the tests\n`);
    totals.failed += 1;
    return false;
  }
  const run = JSON.parse(fs.readFileSync(counts, 'utf8'));
  fs.rmSync(counts, { force: true });
  totals.passed += run.passed;
  totals.failed += run.failed;
  totals.skipped += run.skipped;
  for (const reason of run.reasons) skipReasons.add(reason);
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
if (filters.length && !all.length) {
  // A mistyped word would otherwise end in "0 passed, 0 failed" and a clean exit, as if the tests it meant had passed.
  process.stdout.write(`✖ no test file's path contains ${filters.map((w) => `"${w}"`).join(' or ')}\n`);
  totals.failed += 1;
  ok = false;
}
// The browser tests load the built pane. Built once here, before vitest starts, so a failed build is said plainly and
// counted once; SHIPSHEET_PANE_BUILT then tells the browser project's globalSetup (test/helpers/pane-setup.ts) and
// the test files not to build it again.
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
// Without a PostgreSQL URL vitest.config.ts has no api-postgres project; the API files then run on SQLite only.
const pgUrl = process.env.SHIPSHEET_TEST_DATABASE_URL;
const dbTests = all.filter((f) => f.startsWith(path.join('test', 'api')));
ok = runVitest(all, paneEnv) && ok;
if (!pgUrl && dbTests.length) {
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
