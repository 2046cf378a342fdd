// The 상품 tab's texts, Korean first.
import type { Messages } from '../../../../shared/i18n.ts';

export const catalogueMessages = {
  pull: { ko: '상품 불러오기', en: 'Pull products' },
  push: { ko: '상품 올리기', en: 'Push products' },
  viewer: { ko: '상품 올리기와 가져오기는 운영자와 관리자만 할 수 있습니다.', en: 'Only operators and admins can push or import products.' },
  hint: {
    ko: '상품 시트에서 고치거나 아래 빈 행에 새 상품을 적은 뒤 올리세요. 상태: 판매중/단종/재입고예정/강제품절/한정, 바코드는 쉼표로 구분',
    en: 'Edit rows of the 상품 sheet or type new SKUs below it, then push. Status: 판매중/단종/재입고예정/강제품절/한정; barcodes separated by commas',
  },
  import_sheet: { ko: '활성 시트에서 가져오기', en: 'Import the active sheet' },
  fetching: { ko: '상품 {done}개 받는 중…', en: 'Fetching {done} SKUs…' },
  writing: { ko: '시트에 쓰는 중… {done}', en: 'Writing the sheet… {done}' },
  pushing: { ko: '올리는 중…', en: 'Pushing…' },
  pulled: { ko: '상품 {count}개를 불러왔습니다', en: 'Pulled {count} SKUs' },
  pushed: {
    ko: '보냄 {sent} · 반영 {applied} · 변경없음 {unchanged} · 거부 {refused} · 확인필요 {check}',
    en: 'Sent {sent} · applied {applied} · unchanged {unchanged} · refused {refused} · check {check}',
  },
  nothing_to_push: { ko: '바뀐 행이 없습니다', en: 'No changed rows' },
  warehouses: { ko: '창고·매장', en: 'Warehouses and stores' },
  default_mark: { ko: '기본', en: 'Default' },
  kind_warehouse: { ko: '창고', en: 'Warehouse' },
  kind_store: { ko: '매장', en: 'Store' },
  inactive: { ko: '사용 중지', en: 'Inactive' },
  make_default: { ko: '기본으로', en: 'Make default' },
  add_warehouse: { ko: '추가', en: 'Add' },
  warehouse_code: { ko: '코드', en: 'Code' },
  warehouse_name: { ko: '이름', en: 'Name' },
  warehouse_kind: { ko: '종류', en: 'Kind' },
  warehouse_added: { ko: '{name}을(를) 추가했습니다', en: 'Added {name}' },
  default_set: { ko: '기본 창고: {name}', en: 'Default warehouse: {name}' },
} satisfies Messages;
export type CatalogueMessage = keyof typeof catalogueMessages;
