// The test suite's projects. `npm test` (scripts/run-tests.mjs) runs them with the pre-checks, the pane build and the
// closing count; `npx vitest run --project unit` (or a file path) runs a part directly.
//   unit          pure code, connectors against the in-process sandbox malls
//   api-sqlite    the HTTP API on a SQLite file per test server
//   api-postgres  the same files on PostgreSQL (a schema per test server), only when SHIPSHEET_TEST_DATABASE_URL is set
//   browser       the pane in headless Chromium (test/e2e) against a SQLite server; the pane is built once before
//                 (test/helpers/pane-setup.ts)
//   browser-postgres  the operator's whole days again (both sandbox malls to "the mall has the number"), the server
//                 on PostgreSQL, only when SHIPSHEET_TEST_DATABASE_URL is set
import { defineConfig } from 'vitest/config';

const onPostgres = !!process.env.SHIPSHEET_TEST_DATABASE_URL;

/** A project of the test files under `dirs`, with the root's pool and timeouts, and `env` in its process.env. */
const project = (name: string, dirs: string[], env: Record<string, string> = {}, globalSetup: string[] = []) => ({
  extends: true as const,
  test: { name, include: dirs.map((d) => (d.endsWith('.test.ts') ? d : `${d}/**/*.test.ts`)), env, globalSetup },
});

/** The browser files that run a desk day end to end on both sandbox malls: also run with the server on PostgreSQL. */
const OPERATOR_DAYS = ['test/e2e/desk-day.test.ts', 'test/e2e/five-actions.test.ts', 'test/e2e/status-board.test.ts'];

export default defineConfig({
  test: {
    // Forks, not threads: tests start servers and child processes, SIGKILL them and change process.env.
    pool: 'forks',
    // A fresh process per file, so one file's process.env, Excel global or module singletons never reach another.
    isolate: true,
    // Two files at a time, as the node:test runner ran them (--test-concurrency=2): CI machines have two cores and
    // each API file starts its own server.
    maxWorkers: 2,
    // Tests ran without a time limit under node:test; these only catch a hang. Browser, crash and multi-instance
    // tests take tens of seconds on a busy machine; a hook may build the pane or start several servers.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    // A filtered run (`npm test -- api/auth`) may leave a project with no file; that is not a failure.
    passWithNoTests: true,
    projects: [
      project('unit', ['test/unit', 'test/connectors']),
      project('api-sqlite', ['test/api'], { SHIPSHEET_TEST_DB: 'sqlite' }),
      ...(onPostgres ? [project('api-postgres', ['test/api'], { SHIPSHEET_TEST_DB: 'postgres' })] : []),
      project('browser', ['test/e2e'], { SHIPSHEET_TEST_DB: 'sqlite' }, ['test/helpers/pane-setup.ts']),
      ...(onPostgres ? [project('browser-postgres', OPERATOR_DAYS, { SHIPSHEET_TEST_DB: 'postgres' }, ['test/helpers/pane-setup.ts'])] : []),
    ],
  },
});
