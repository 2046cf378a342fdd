// Reading 상품 sheet rows (and SKU file rows): Korean status words, barcodes in one cell, won as typed, dates as
// typed or as Excel serials; cells that cannot be read are named instead of guessed.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { render } from '../../../shared/i18n.ts';
import { barcodesOf, dateOf, numberOf, parseSkuRow, skuCells, statusOf } from '../../../shared/sheet/sku-rows.ts';
import { checkedState } from '../../../server/modules/catalogue/sku-rules.ts';
import { storefrontChangeOf } from '../../../server/modules/catalogue/sku-status.ts';

describe('SKU row cells', () => {
  it('reads status words in Korean, English or the API word; blank is 판매중', () => {
    assert.equal(statusOf('판매중'), 'active');
    assert.equal(statusOf(''), 'active');
    assert.equal(statusOf('단종'), 'discontinued');
    assert.equal(statusOf('재입고 예정'), 'reorder');
    assert.equal(statusOf('재입고예정'), 'reorder');
    assert.equal(statusOf('강제품절'), 'sold_out');
    assert.equal(statusOf('Sold out'), 'sold_out');
    assert.equal(statusOf('한정'), 'limited');
    assert.equal(statusOf('품절임박'), undefined);
  });

  it('splits barcodes on commas, drops blanks and repeats; numbers and dates as typed', () => {
    assert.deepEqual(barcodesOf('8801234567890, 8801234567891,,8801234567890'), ['8801234567890', '8801234567891']);
    assert.deepEqual(barcodesOf(8801234567890), ['8801234567890']);
    assert.deepEqual(barcodesOf(''), []);
    assert.equal(numberOf('12,900원'), 12900);
    assert.equal(numberOf(''), null);
    assert.equal(numberOf('만원'), undefined);
    assert.equal(dateOf('2026.12.1'), '2026-12-01');
    assert.equal(dateOf(46357), '2026-12-01');
    assert.equal(dateOf('다음주'), undefined);
  });

  it('a row of cells becomes the row the server takes; a new row has no id', () => {
    const parsed = parseSkuRow({ code: 880, name: ' 가방 ', barcodes: '1, 2', price: '12,900', status: '한정', limit_quantity: 5, status_date: '' });
    assert.deepEqual(parsed, {
      ok: true,
      row: {
        code: '880',
        name: '가방',
        option_text: null,
        barcodes: ['1', '2'],
        cost: null,
        price: 12900,
        status: 'limited',
        status_date: null,
        limit_quantity: 5,
        memo: null,
      },
    });
    const edit = parseSkuRow({ id: 'sku_1', version: 3, code: 'A', name: 'B' });
    assert.ok(edit.ok && edit.row.id === 'sku_1' && edit.row.version === 3);
  });

  it('names every cell it cannot read, in the sheet header it was given', () => {
    const parsed = parseSkuRow({ code: 'A', name: 'B', status: '없음', price: '비쌈' }, (c) => ({ status: '상태', price: '판매가' })[c] ?? c);
    assert.equal(parsed.ok, false);
    if (parsed.ok) return;
    assert.deepEqual(
      parsed.issues.map((i) => i.column),
      ['status', 'price'],
    );
    assert.match(render(parsed.issues[0]!.message, 'ko'), /^상태: 상태는 판매중/);
  });

  it('a SKU as cells and back is the same row', () => {
    const sku = {
      id: 'sku_1',
      version: 2,
      code: 'A1',
      name: '가방',
      option_text: null,
      barcodes: ['1', '2'],
      cost: 0,
      price: 100,
      status: 'reorder',
      status_date: '2026-12-01',
      limit_quantity: null,
      memo: null,
    };
    const cells = skuCells(sku, 'ko');
    assert.equal(cells.status, '재입고예정');
    assert.equal(cells.barcodes, '1, 2');
    const back = parseSkuRow(cells);
    assert.ok(back.ok);
    assert.deepEqual(back.row, {
      id: 'sku_1',
      version: 2,
      code: 'A1',
      name: '가방',
      option_text: null,
      barcodes: ['1', '2'],
      cost: 0,
      price: 100,
      status: 'reorder',
      status_date: '2026-12-01',
      limit_quantity: null,
      memo: null,
    });
  });
});

describe('SKU rules', () => {
  const base = {
    code: 'A',
    name: 'B',
    option_text: null,
    barcodes: [],
    cost: 0,
    price: 0,
    status: 'active' as const,
    status_date: null,
    limit_quantity: null,
    memo: null,
  };

  it('a dated status needs a real date, limited a cap; other statuses drop both', () => {
    const about = (field: string) => (e: { details: { field: string }[] }) => e.details[0]!.field === field;
    assert.throws(() => checkedState({ ...base, status: 'discontinued' }), about('status_date'));
    assert.throws(() => checkedState({ ...base, status: 'reorder', status_date: '2026-13-01' }), about('status_date'));
    assert.throws(() => checkedState({ ...base, status: 'limited', limit_quantity: 0 }), about('limit_quantity'));
    // The message names the column as the 상품 sheet shows it.
    assert.throws(() => checkedState({ ...base, status: 'limited' }), { message: /^한정수량: / });
    assert.deepEqual(checkedState({ ...base, status: 'sold_out', status_date: '2026-12-01', limit_quantity: 3 }), { ...base, status: 'sold_out' });
    assert.throws(() => checkedState({ ...base, price: 10.5 }), about('price'));
  });

  it('a storefront change only when a SKU becomes sold out or limited, changes its cap, or resumes from them', () => {
    const s = (status: 'active' | 'sold_out' | 'limited' | 'discontinued', cap: number | null = null) => ({ status, limit_quantity: cap });
    assert.deepEqual(storefrontChangeOf(s('active'), s('sold_out')), { change: 'sold_out', quantity: null });
    assert.deepEqual(storefrontChangeOf(null, s('limited', 5)), { change: 'limited', quantity: 5 });
    assert.deepEqual(storefrontChangeOf(s('limited', 5), s('limited', 8)), { change: 'limited', quantity: 8 });
    assert.equal(storefrontChangeOf(s('limited', 5), s('limited', 5)), null);
    assert.deepEqual(storefrontChangeOf(s('sold_out'), s('active')), { change: 'resume', quantity: null });
    assert.equal(storefrontChangeOf(s('discontinued'), s('active')), null);
    assert.equal(storefrontChangeOf(null, s('active')), null);
  });
});
