// The 작업실패 sheet names what an operator recognises (mall order number, product, mall line or waybill), not our ids.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { FAILURE_SHEET_LAYOUT, failureLine, failureTable } from '../../../addin/src/features/jobs/failure-sheet.ts';

const boxFailure = {
  ref_type: 'box',
  ref_id: 'box_0mww9m30h00003cdb10',
  mall_ref: '801234567151',
  mall_order_id: '1174454581851897',
  item_name: '기모 후드 집업 외 1건',
  result: 'failed',
  code: 'INVALID_STATUS',
  message: '상품준비중 상태가 아닙니다.',
};

describe('job failures sheet', () => {
  it('rows carry the mall order number, the product and the waybill, never our internal ids', () => {
    const { header, rows } = failureTable('송장 전송', '쿠팡', [boxFailure], 'ko');
    assert.deepEqual(header, ['작업', '계정', '주문번호', '상품', '상품주문번호/운송장', '코드', '사유']);
    assert.deepEqual(rows[0], [
      '송장 전송',
      '쿠팡',
      '1174454581851897',
      '기모 후드 집업 외 1건',
      '801234567151',
      'INVALID_STATUS',
      '상품준비중 상태가 아닙니다.',
    ]);
    assert.ok(!rows.flat().some((c) => /^(box|lin|ord)_/.test(c)), 'no internal id on the sheet');
    // Long digit columns stay text (an order number of 16 digits would lose digits as a number).
    assert.ok(FAILURE_SHEET_LAYOUT.textColumns.includes(header.indexOf('주문번호')));
    assert.ok(FAILURE_SHEET_LAYOUT.textColumns.includes(header.indexOf('상품주문번호/운송장')));
  });

  it('the pane lists a failure by order and product', () => {
    assert.equal(failureLine(boxFailure), '1174454581851897 · 기모 후드 집업 외 1건: 상품준비중 상태가 아닙니다.');
    assert.equal(failureLine({ ...boxFailure, mall_order_id: null, item_name: null }), '801234567151: 상품준비중 상태가 아닙니다.');
  });
});
