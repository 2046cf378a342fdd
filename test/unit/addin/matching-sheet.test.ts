// The 매칭 sheet's rows read into matches: what the operator typed in the SKU cell, with the row's hidden keys.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { matchOfRow } from '../../../addin/src/features/matching/matching-sheet.ts';

const row = (cells: Record<string, string>) =>
  new Map(Object.entries({ channel_key: 'acc_1', product_key: '8812345678', option_key: '912345678', product_name: '유기농 사과', ...cells }));

describe('matching sheet rows', () => {
  it('a blank SKU cell is not sent; typed codes become items with quantities and the keys', () => {
    assert.equal(matchOfRow(row({ sku: '' }), 'ko'), null);
    const read = matchOfRow(row({ sku: 'A100*2, B200', option_text: '5kg' }), 'ko');
    assert.deepEqual(read, {
      ok: true,
      match: {
        channel_key: 'acc_1',
        product_key: '8812345678',
        option_key: '912345678',
        product_name: '유기농 사과',
        option_text: '5kg',
        items: [
          { sku_code: 'A100', quantity: 2 },
          { sku_code: 'B200', quantity: 1 },
        ],
      },
    });
  });

  it('y takes the suggested code; without a suggestion it says so', () => {
    const read = matchOfRow(row({ sku: 'y', suggested_code: 'A100' }), 'ko');
    assert.ok(read?.ok);
    assert.deepEqual(read.match.items, [{ sku_code: 'A100', quantity: 1 }]);
    assert.deepEqual(matchOfRow(row({ sku: 'y' }), 'en'), { ok: false, message: 'this row has no suggestion: type the SKU codes' });
  });

  it('a bad quantity or lost keys are refused on the row, in the pane language', () => {
    assert.deepEqual(matchOfRow(row({ sku: 'A100*0' }), 'ko'), { ok: false, message: '수량은 1 이상의 정수로 적으세요: A100*0' });
    assert.deepEqual(matchOfRow(row({ sku: 'A100', channel_key: '' }), 'en'), { ok: false, message: 'the hidden key columns are empty: pull again' });
  });
});
