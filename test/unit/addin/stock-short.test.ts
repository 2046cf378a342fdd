// What the pane says after a ship that left stock rows below zero (the server's stock_short): the first five rows
// by SKU and warehouse, how many more, and that the shelf wants counting — nothing when none went below.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import type { Lang } from '../../../shared/i18n.ts';
import { saidText } from '../../../addin/src/features/said.ts';
import { stockShortText as stockShort } from '../../../addin/src/features/orders/sheet-actions.ts';

// Kept as words and numbers; read here in one language, as the pane shows it.
const stockShortText = (rows: Parameters<typeof stockShort>[0], lang: Lang) => saidText(stockShort(rows), lang);

const row = (n: number) => ({ sku_code: `SKU-${n}`, warehouse_code: 'MAIN', on_hand: -n });

describe('stock below zero after a ship', () => {
  it('names the rows, in Korean and English, and nothing when there are none', () => {
    assert.equal(stockShortText([], 'ko'), '');
    assert.equal(
      stockShortText([row(1), { ...row(2), warehouse_code: 'WA' }], 'ko'),
      '재고보다 많이 출고되어 0 아래가 된 재고가 있습니다: SKU-1 (MAIN) -1, SKU-2 (WA) -2. 재고 탭에서 실사해 맞추세요.',
    );
    assert.match(stockShortText([row(1)], 'en'), /^Shipped more than the stock said; these rows are below zero: SKU-1 \(MAIN\) -1\./);
  });

  it('names five and says how many more', () => {
    const text = stockShortText([1, 2, 3, 4, 5, 6, 7].map(row), 'ko');
    assert.match(text, /SKU-5 \(MAIN\) -5 외 2건\./);
    assert.doesNotMatch(text, /SKU-6/);
  });
});
