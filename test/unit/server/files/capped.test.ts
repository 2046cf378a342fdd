// Files built in memory before they are sent (an encrypted XLSX, a CP949 CSV whose replacements the headers say)
// hold a bounded number of rows: past it the export is refused in words that say which kind of file it was.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { AppError } from '../../../../shared/errors.ts';
import { render } from '../../../../shared/i18n.ts';
import { capped } from '../../../../server/files/export.ts';

async function drain(rows: AsyncIterable<unknown>): Promise<number> {
  let n = 0;
  for await (const _ of rows) n++;
  return n;
}

describe('rows of a file built in memory', () => {
  it('pass up to the cap and are refused past it, saying why', async () => {
    const three = async function* () {
      yield ['a'];
      yield ['b'];
      yield ['c'];
    };
    assert.equal(await drain(capped(three(), 3)), 3);
    await assert.rejects(drain(capped(three(), 2, 'too_large_for_cp949')), (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.code, 'too_large_for_cp949');
      assert.match(render(error.message, 'ko'), /^CP949 파일은 2행까지/);
      return true;
    });
    await assert.rejects(drain(capped(three(), 2)), (error: unknown) => (error as AppError).code === 'too_large_to_encrypt');
  });
});
