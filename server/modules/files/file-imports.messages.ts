import { defineMessages } from '../../../shared/i18n.ts';

// Templates and invoice imports: refusals of a whole request, and the reason of each sheet row an import refuses.
export const fileImportsMessages = defineMessages('file_imports', {
  template_not_found: { ko: '템플릿을 찾을 수 없습니다: {id}', en: 'No such template: {id}' },
  template_built_in: {
    ko: '기본 템플릿 "{name}"은(는) 고칠 수 없습니다. 복사본을 저장해 고치세요',
    en: 'The built-in template "{name}" cannot be changed; save a copy and edit that',
  },
  template_wrong_type: {
    ko: '{field}: 송장 일괄등록에는 송장 템플릿을 골라야 합니다 ("{name}"은(는) 주문 업로드용)',
    en: '{field}: an invoice import needs an invoice template ("{name}" is for order uploads)',
  },
  template_name_taken: {
    ko: '{field}: 같은 이름의 템플릿이 이미 있습니다: {name}',
    en: '{field}: a template of that name exists already: {name}',
  },
  template_type_fixed: {
    ko: '{field}: 템플릿 종류는 바꿀 수 없습니다. 새 템플릿으로 저장하세요',
    en: '{field}: a template keeps its type; save a new template instead',
  },
  import_not_found: { ko: '송장 일괄등록 기록을 찾을 수 없습니다: {id}', en: 'No such invoice import: {id}' },
  import_undone: { ko: '이미 되돌린 일괄등록입니다 ({at})', en: 'This import was already undone ({at})' },
  undo_blocked: {
    ko: '이 일괄등록 뒤에 바뀐 박스가 있어 되돌릴 수 없습니다. 행: {rows}',
    en: 'Boxes changed after this import, so it cannot be undone. Rows: {rows}',
  },
  // Per sheet row.
  reference_missing: { ko: '{column}: 찾을 번호가 비어 있습니다', en: '{column}: the reference is empty' },
  box_not_found: { ko: '{column} {value}에 해당하는 박스·주문이 없습니다', en: 'No box or order matches {column} {value}' },
  box_key_expected: {
    ko: '{column} {value}은(는) 쉽시트가 택배 예약 파일에 넣은 박스키(box_… 또는 ord_…)가 아닙니다. 쇼핑몰 주문번호로 찾으려면 쇼핑몰 주문번호 기준 템플릿을 고르세요',
    en: '{column} {value} is not a box key ShipSheet put in a booking file (box_… or ord_…); to find orders by the mall order number, choose a template keyed by it',
  },
  ambiguous_order: {
    ko: '주문번호 {value}인 주문이 {count}건 있어 어느 주문인지 알 수 없습니다. 박스키로 올리세요',
    en: '{count} orders have order number {value}; use the box key instead',
  },
  courier_missing: {
    ko: '택배사가 없습니다. 택배사 열을 채우거나 파일 전체의 택배사를 고르세요',
    en: 'No courier: fill the courier column or choose one for the file',
  },
  same_box_other_number: {
    ko: '같은 박스에 다른 송장번호가 있는 행이 있습니다 ({rows}행)',
    en: 'Another row gives the same box a different number (row {rows})',
  },
  repeated_row: { ko: '{rows}행과 같은 내용이라 건너뜁니다', en: 'Same as row {rows}; skipped' },
  number_on_two_boxes: {
    ko: '송장번호 {tracking_number}이(가) 파일 안의 다른 박스에도 있습니다 ({rows}행)',
    en: 'Tracking number {tracking_number} is also given to another box in the file (row {rows})',
  },
  overwrite_off: {
    ko: '이미 송장번호 {current}이(가) 있습니다. 덮어쓰려면 "덮어쓰기"를 켜세요',
    en: 'The box already has number {current}; switch overwrite on to replace it',
  },
  overwrite_status: {
    ko: '{status_label} 상태의 박스는 송장번호를 덮어쓸 수 없습니다 (운송장출력·출고완료만 가능)',
    en: 'A box in status {status_label} cannot have its number replaced (only invoiced or shipped boxes)',
  },
  all_or_nothing: {
    ko: '전체 적용 옵션: 거부된 행({count}건)이 있어 이 행도 적용하지 않았습니다',
    en: 'All or nothing: {count} rows were refused, so this row was not applied either',
  },
  undo_changed_since: { ko: '{row}행', en: 'row {row}' },
  // The result column of a result file.
  row_column: { ko: '행', en: 'Row' },
  result_column: { ko: '처리결과', en: 'Result' },
  result_new: { ko: '새번호 {tracking_number}', en: 'New number {tracking_number}' },
  result_overwrite: { ko: '덮어씀 {old} → {tracking_number}', en: 'Overwritten {old} → {tracking_number}' },
  result_unchanged: { ko: '변경없음', en: 'Unchanged' },
  result_refused: { ko: '거절: {reason}', en: 'Refused: {reason}' },
  result_not_kept: {
    ko: '이 일괄등록은 결과 파일 기능 전에 적용되어 행별 결과가 남아 있지 않습니다',
    en: 'This import was applied before result files existed; its row results were not kept',
  },
  result_file_mismatch: {
    ko: '이 일괄등록에 쓴 파일이 아닙니다 ({row}행의 번호가 다릅니다). 적용할 때 올린 파일을 다시 고르세요',
    en: 'This is not the file of this import (row {row} differs); choose the file that was applied',
  },
});
