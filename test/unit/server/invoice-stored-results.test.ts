// An applied import keeps its per-row results for its result file: storeResults writes them, storedResults reads
// them back — the same rows, whether packed (a big import) or not, and nothing usable from a record without them.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { message } from '../../../shared/i18n.ts';
import { fileImportsMessages as m } from '../../../server/modules/files/file-imports.messages.ts';
import { storedResults, storeResults, type RowResult } from '../../../server/modules/files/invoice-rows.ts';

const row = (n: number, outcome: RowResult['outcome'], extra: Partial<RowResult> = {}): RowResult => ({
  row: n,
  outcome,
  reference: `R${n}`,
  box_id: null,
  courier: 'CJ',
  tracking_number: `6${String(n).padStart(11, '0')}`,
  old_courier: null,
  old_tracking_number: null,
  resend: false,
  ...extra,
});

describe('stored import results', () => {
  it('reads back what an apply stored, small or packed', async () => {
    for (const count of [2, 5_000]) {
      const results = Array.from({ length: count }, (_, i) =>
        i % 2 ? row(i + 2, 'new') : row(i + 2, 'unchanged', { code: 'repeated_row', message: message(m.repeated_row, { rows: 2 }) }),
      );
      const stored = await storeResults(1, results);
      assert.equal(stored.startsWith('{'), count === 2, 'a big record is kept packed, a small one as it is');
      const back = await storedResults(stored);
      assert.equal(back!.header_row, 1);
      assert.equal(back!.rows.length, count);
      assert.deepEqual(back!.rows[1], [3, 'new', null, null, 'R3', null, '600000000003']);
      assert.equal(back!.rows[0]![2], 'repeated_row');
      assert.equal(typeof back!.rows[0]![3], 'string');
    }
  });

  it('finds nothing usable in an import that kept no results, or kept them before the header row was', async () => {
    assert.equal(await storedResults(null), null);
    assert.equal(await storedResults(JSON.stringify([{ row: 2 }])), null);
  });
});
