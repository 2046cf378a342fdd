// A vitest reporter for `npm test` (scripts/run-tests.mjs adds it next to the default one): counts the run's tests
// over all projects and writes `{ passed, failed, skipped, reasons }` as JSON to the file SHIPSHEET_TEST_COUNTS names.
// What fails outside a test counts as one failure each: a file that could not load, a beforeAll/afterAll that threw
// (vitest then marks the suite's tests skipped, which must not read as a clean run), an unhandled error, a run
// cut short. A skip's reason is ctx.skip(reason)'s note or test/helpers/skip.ts's skipWith(reason).
import fs from 'node:fs';

/** Counts of a finished run; `testModules` and `unhandledErrors` as vitest's onTestRunEnd hands them. */
export function countRun(testModules, unhandledErrors, reason) {
  const counts = { passed: 0, failed: 0, skipped: 0, reasons: [] };
  const reasons = new Set();
  for (const mod of testModules) {
    const broken = new Set([mod, ...mod.children.allSuites()].filter((s) => s.errors().length > 0));
    counts.failed += broken.size;
    for (const test of mod.children.allTests()) {
      const result = test.result();
      if (result.state === 'passed') counts.passed += 1;
      else if (result.state === 'failed') counts.failed += 1;
      // 'pending': never finished, the run stopped under it.
      else if (result.state === 'pending') counts.failed += 1;
      else {
        const why = result.note ?? test.meta().skipReason;
        // Not run because a hook above it failed: that failure is already counted.
        if (!why && ancestors(test).some((s) => broken.has(s))) continue;
        counts.skipped += 1;
        reasons.add(why ?? '(no reason given)');
      }
    }
  }
  counts.failed += unhandledErrors.length;
  if (reason === 'interrupted') counts.failed += 1;
  counts.reasons = [...reasons];
  return counts;
}

function ancestors(test) {
  const out = [];
  for (let p = test.parent; p; p = p.type === 'module' ? undefined : p.parent) out.push(p);
  return out;
}

export default class CountReporter {
  onTestRunEnd(testModules, unhandledErrors, reason) {
    const file = process.env.SHIPSHEET_TEST_COUNTS;
    if (file) fs.writeFileSync(file, JSON.stringify(countRun(testModules, unhandledErrors, reason)));
  }
}
