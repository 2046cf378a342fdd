// Skipping a suite or a test with a reason. vitest's own `skip` option is a boolean, so the reason rides along in the
// task's meta, where the count reporter (scripts/count-reporter.mjs) finds it and `npm test` lists it once at the end.
// Written as node:test's `{ skip: reason }` was: `describe(name, skipWith(reason), () => …)`; a skipped suite runs
// none of its hooks, unlike a `ctx.skip()` from a beforeEach.
import type { TestOptions } from 'vitest';

declare module '@vitest/runner' {
  interface TaskMeta {
    /** Why the test was skipped, shown in `npm test`'s summary. */
    skipReason?: string;
  }
}

/** Options that skip the suite or test with `reason` when it is a string, and run it when it is false. */
export function skipWith(reason: string | false): TestOptions {
  return reason ? { skip: true, meta: { skipReason: reason } } : {};
}
