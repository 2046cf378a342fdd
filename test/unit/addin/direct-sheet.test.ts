// A 직접주문 sheet row is checked in the pane before it is sent, in the pane's language: zod alone answered in English
// ("수량: Too small: expected number to be >=1") on a Korean desk.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { parseDirectRow } from '../../../addin/src/features/direct/direct-sheet.ts';

const row = (cells: Record<string, string>) => new Map(Object.entries({ orderer_name: '김도매', total_amount: '10000', ...cells }));

describe('직접주문 rows checked in the pane', () => {
  it('say what is wrong in Korean, naming the column, and in English when the pane is', () => {
    const ko = (cells: Record<string, string>) => {
      const parsed = parseDirectRow(row(cells), 'ko');
      assert.ok(!parsed.ok);
      return parsed.message;
    };
    assert.match(ko({ quantity: '0' }), /^수량: 값이 너무 작습니다: 1 이상이어야 합니다$/);
    assert.match(ko({ quantity: '20000' }), /^수량: 값이 너무 큽니다: 10000 이하여야 합니다$/);
    assert.match(ko({ total_amount: '-500' }), /^총금액\*?: 값이 너무 작습니다/);
    const en = parseDirectRow(row({ quantity: '0' }), 'en');
    assert.ok(!en.ok && /Too small/.test(en.message), JSON.stringify(en));
    assert.ok(parseDirectRow(row({ quantity: '3' }), 'ko').ok);
  });
});
