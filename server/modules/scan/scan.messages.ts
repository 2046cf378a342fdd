import { defineMessages } from '../../../shared/i18n.ts';

// Scan-to-ship (송장 스캔 검수): what the operator at the packing table is told.
export const scanServiceMessages = defineMessages('scan_box', {
  box_not_found: { ko: '송장번호 {number}의 박스가 없습니다', en: 'no box has tracking number {number}' },
  unmatched_line: {
    ko: '{product}: 매칭되지 않은 상품이라 검수할 수 없습니다',
    en: '{product}: not matched to SKUs, so the box cannot be verified',
  },
  not_invoiced: {
    ko: '{product}: {status_label} 상태라 검수할 수 없습니다 (운송장출력 상태만)',
    en: '{product}: {status_label}, so the box cannot be verified (only invoiced boxes)',
  },
  on_hold: { ko: '{order}: 출고보류 중입니다', en: '{order}: on hold' },
  not_verifiable: { ko: '검수할 수 없는 박스입니다: {reasons}', en: 'this box cannot be verified: {reasons}' },
  stale: {
    ko: '박스를 연 뒤 주문이 바뀌었습니다. 송장번호를 다시 스캔하세요',
    en: 'the box changed since it was opened: scan its tracking number again',
  },
  shipped: { ko: '{number} 검수 완료, 출고완료 처리했습니다', en: '{number} verified and shipped' },
  short: { ko: '부족: {missing}', en: 'missing: {missing}' },
});

export const scanSheetMessages = defineMessages('scan_sheet', {
  no_box: { ko: '송장번호가 먼저 있어야 합니다', en: 'a tracking number must come first' },
  not_verifiable: { ko: '검수할 수 없습니다: {reasons}', en: 'cannot be verified: {reasons}' },
});
