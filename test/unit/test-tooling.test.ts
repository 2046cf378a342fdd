// The test tooling: on a machine without the tools npm cannot install, browser tests skip with the reason and how
// to enable them, the PostgreSQL pass says why it did not run, the summary counts skips, and strict mode
// (SHIPSHEET_TEST_STRICT=1, as .ci/run sets) turns each of those into a failure; and the count behind `npm test`'s
// closing line (scripts/count-reporter.mjs) on a real vitest run of files that pass, fail and break on purpose.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'vitest';
import { ROOT } from '../../scripts/manifest-check.ts';

const OURS = ['SHIPSHEET_TEST_DATABASE_URL', 'SHIPSHEET_TEST_STRICT', 'SHIPSHEET_PANE_BUILT', 'SHIPSHEET_TEST_DB', 'SHIPSHEET_TEST_COUNTS'];

/** A clean environment for a child: not inside this vitest worker, no database, no strictness. */
function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const key of Object.keys(out)) {
    if ((OURS.includes(key) || key.startsWith('VITEST')) && !(key in extra)) delete out[key];
  }
  return out;
}

function browserHelper(extra: Record<string, string>): { skip: string | false; chromium: string | null } {
  const code =
    "const m = await import('./test/helpers/browser.ts'); console.log(JSON.stringify({ skip: m.SKIP_WITHOUT_BROWSER, chromium: m.CHROMIUM }));";
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: ROOT, env: env(extra), encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout.trim().split('\n').pop()!);
}

function runTests(args: string[], extra: Record<string, string>) {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'run-tests.mjs'), ...args], { cwd: ROOT, env: env(extra), encoding: 'utf8' });
  return { status: run.status, out: run.stdout + run.stderr };
}

describe('browser tests without a browser', () => {
  it('are skipped with the reason and how to enable them', () => {
    const r = browserHelper({ CHROMIUM_PATH: path.join(ROOT, 'no-such-chromium') });
    assert.equal(r.chromium, null);
    assert.ok(r.skip);
    assert.match(r.skip, /CHROMIUM_PATH=.*no-such-chromium/);
    assert.match(r.skip, /apt-get install chromium/);
    assert.match(r.skip, /npx playwright-core install chromium/);
  });

  it('run (and fail at launch) in strict mode', () => {
    assert.equal(browserHelper({ CHROMIUM_PATH: path.join(ROOT, 'no-such-chromium'), SHIPSHEET_TEST_STRICT: '1' }).skip, false);
  });

  it('use the executable CHROMIUM_PATH names', () => {
    assert.deepEqual(browserHelper({ CHROMIUM_PATH: process.execPath }), { skip: false, chromium: process.execPath });
  });
});

describe('npm test without PostgreSQL', () => {
  it('says why the PostgreSQL pass did not run and how to enable it, and counts skips in the summary', () => {
    const r = runTests(['unit/server/banner', 'api/openapi'], {});
    assert.equal(r.status, 0, r.out);
    assert.match(
      r.out,
      /Skipped:\n {2}- PostgreSQL pass \(1 API files\) not run: SHIPSHEET_TEST_DATABASE_URL is not set\. To run it, .*SHIPSHEET_TEST_DATABASE_URL=postgres:\/\//,
    );
    assert.match(r.out, /\n\d+ passed, 0 failed, 0 skipped\n$/);
  });

  it('fails in strict mode', () => {
    const r = runTests(['api/openapi'], { SHIPSHEET_TEST_STRICT: '1' });
    assert.equal(r.status, 1, r.out);
    assert.match(r.out, /✖ PostgreSQL pass .* SHIPSHEET_TEST_DATABASE_URL is not set/);
    assert.match(r.out, /\n\d+ passed, 1 failed, 0 skipped\n$/);
  });
});

describe('a filtered npm test', () => {
  it('fails, naming the words, when no test file matches them', () => {
    const r = runTests(['no-such-test-file-1', 'no-such-test-file-2'], {});
    assert.equal(r.status, 1, r.out);
    assert.match(r.out, /✖ no test file's path contains "no-such-test-file-1" or "no-such-test-file-2"\n/);
    assert.match(r.out, /\n0 passed, 1 failed, 0 skipped\n$/);
  });
});

describe('the count behind the closing line', () => {
  it('counts passed, failed and skipped tests with their reasons, and a broken hook or file as a failure', () => {
    const fixtures = path.join(ROOT, 'test', 'fixtures', 'count-run');
    const counts = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-count-')), 'counts.json');
    const vitest = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
    const reporter = path.join(ROOT, 'scripts', 'count-reporter.mjs');
    const run = spawnSync(process.execPath, [vitest, 'run', `--reporter=${reporter}`], {
      cwd: fixtures,
      env: env({ SHIPSHEET_TEST_COUNTS: counts }),
      encoding: 'utf8',
    });
    assert.equal(run.status, 1, 'vitest itself fails the run');
    const got = JSON.parse(fs.readFileSync(counts, 'utf8'));
    fs.rmSync(path.dirname(counts), { recursive: true, force: true });
    // passed: 'passes', 'runs'; failed: 'fails', the suite whose beforeAll threw (its two tests are not "skipped"),
    // the file that could not load; skipped: the ctx.skip test and the two tests of the suite skipped with a reason.
    assert.deepEqual(got, { passed: 2, failed: 3, skipped: 3, reasons: ['no widget on this machine', 'only on Tuesdays'] });
  });
});
