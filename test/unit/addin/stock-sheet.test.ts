// The 재고 sheet's push plan: which rows go (those with a 새 수량), what each sends (the count, its reason or the
// pane's, the version and on-hand it was pulled at), and the rows checked here without a round trip.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { planCounts } from '../../../addin/src/features/stock/stock-sheet.ts';
import { findColumns } from '../../../addin/src/sheet/columns.ts';
import { STOCK_COLUMNS, stockRowCells } from '../../../shared/sheet/stock-columns.ts';

const header = STOCK_COLUMNS.map((c) => c.header.ko);
const at = findColumns(STOCK_COLUMNS, header);
const pulled = (code: string, onHand: number, version: number) =>
  stockRowCells({
    sku_code: code,
    sku_name: '양말',
    option_text: null,
    warehouse_code: 'MAIN',
    warehouse_name: '기본창고',
    on_hand: onHand,
    allocated: 0,
    available: onHand,
    version,
  });
const typed = (row: (string | number)[], newOnHand: string | number, reason = '') => {
  const out = [...row];
  out[at.get('new_on_hand')!] = newOnHand;
  out[at.get('reason')!] = reason;
  return out;
};

describe('the 재고 sheet push plan', () => {
  it('sends only rows with a new quantity, with their version and pulled on-hand; checks the rest here', () => {
    const rows = [
      typed(pulled('A1', 10, 3), 7, '실사'),
      pulled('A2', 5, 1),
      typed(pulled('A3', 0, 0), '1,200'),
      typed(pulled('A4', 2, 1), -1, '실사'),
      typed(pulled('A5', 2, 1), '열두', '실사'),
      typed(pulled('A6', 2, 1), 3),
    ];
    const plan = planCounts(rows, at, '', 'ko');
    assert.deepEqual(
      plan.rows.map((p) => [p.sheetRow, p.row]),
      [[1, { sku_code: 'A1', warehouse_code: 'MAIN', on_hand: 7, version: 3, expected_on_hand: 10, reason: '실사' }]],
    );
    assert.deepEqual(
      plan.problems.map((p) => [p.sheetRow, p.message]),
      [
        [3, '사유: 사유를 적거나 패널의 사유를 채우세요'],
        [4, '새 수량: 재고 수량은 0 이상이어야 합니다 (-1)'],
        [5, '새 수량: 0 이상의 정수를 넣으세요 (열두)'],
        [6, '사유: 사유를 적거나 패널의 사유를 채우세요'],
      ],
    );
    // With the pane's reason, rows without their own take it; a pair never stocked sends version 0.
    const withDefault = planCounts(rows, at, '분기 실사', 'ko');
    assert.deepEqual(
      withDefault.rows.map((p) => [p.row.sku_code, p.row.on_hand, p.row.version, p.row.reason]),
      [
        ['A1', 7, 3, '실사'],
        ['A3', 1200, 0, '분기 실사'],
        ['A6', 3, 1, '분기 실사'],
      ],
    );
  });
});
