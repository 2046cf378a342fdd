// The scan tab's texts (송장 스캔 검수), Korean first.
import type { Messages } from '../../../../shared/i18n.ts';

export const scanPaneMessages = {
  sc_title: { ko: '스캔', en: 'Scan' },
  sc_input: { ko: '스캔 (송장번호 또는 상품 바코드)', en: 'Scan (tracking number or product barcode)' },
  sc_help: {
    ko: '송장번호를 스캔하면 박스가 열리고, 상품 바코드를 스캔하면 수량이 올라갑니다. 모두 맞으면 출고완료됩니다.',
    en: 'Scan a tracking number to open its box, then the product barcodes. A complete, correct box ships.',
  },
  sc_box: { ko: '송장 {number} · {count}개 상품', en: 'Box {number} · {count} SKUs' },
  sc_line: { ko: '{code} {name}: {scanned}/{expected}', en: '{code} {name}: {scanned}/{expected}' },
  sc_no_box: { ko: '먼저 송장번호를 스캔하세요: {code}', en: 'scan a tracking number first: {code}' },
  sc_blocked: { ko: '검수할 수 없는 박스입니다', en: 'this box cannot be verified' },
  sc_shipped: { ko: '{number} 출고완료', en: '{number} shipped' },
  sc_counted: { ko: '{code} {scanned}/{expected}', en: '{code} {scanned}/{expected}' },
  sc_reason: { ko: '보류 사유', en: 'Reason to set aside' },
  sc_reason_placeholder: { ko: '예: 상품 부족', en: 'e.g. item missing' },
  sc_reason_required: { ko: '보류 사유를 입력하세요.', en: 'Enter a reason to set the box aside.' },
  sc_set_aside: { ko: '보류', en: 'Set aside' },
  sc_set_aside_done: { ko: '{number} 보류했습니다 (주문 {count}건 출고보류)', en: '{number} set aside ({count} orders on hold)' },
  sc_reset: { ko: '초기화', en: 'Clear' },
  sc_sheet: { ko: '시트로 검수 (송장번호, 바코드)', en: 'Verify from sheet (tracking number, barcode)' },
  sc_sheet_no_header: {
    ko: '활성 시트에 "송장번호"와 "바코드" 머리글이 있어야 합니다.',
    en: 'The active sheet needs the headers "송장번호" (tracking number) and "바코드" (barcode).',
  },
  sc_sheet_done: {
    ko: '박스 {boxes}개 중 {shipped}개 출고완료. 결과를 행 옆에 적었습니다.',
    en: '{shipped} of {boxes} boxes shipped. Results are beside the rows.',
  },
  sc_result_title: { ko: '검수결과', en: 'Scan result' },
  sc_verifying: { ko: '검수 중…', en: 'Verifying…' },
} satisfies Messages;

/** Row and box outcomes of a sheet of scans, as written beside the rows. */
export const scanResultLabels = {
  counted: { ko: '확인', en: 'Counted' },
  box: { ko: '박스', en: 'Box' },
  blank: { ko: '', en: '' },
  no_box: { ko: '송장없음', en: 'No box' },
  unknown_barcode: { ko: '미등록', en: 'Unknown' },
  wrong_item: { ko: '오류상품', en: 'Wrong item' },
  extra_item: { ko: '수량초과', en: 'Extra' },
  shipped: { ko: '출고완료', en: 'Shipped' },
  short: { ko: '부족', en: 'Short' },
  refused: { ko: '거부', en: 'Refused' },
  not_found: { ko: '박스없음', en: 'No such box' },
  not_verifiable: { ko: '검수불가', en: 'Cannot verify' },
  stale: { ko: '변경됨', en: 'Changed' },
} satisfies Messages;
