import { defineMessages } from '../../../shared/i18n.ts';

// The catalogue: refusals of a SKU or warehouse change (each naming its field), and the storefront queue's words.
export const catalogueMessages = defineMessages('catalogue', {
  template_not_sku: {
    ko: '{field}: 상품 가져오기에는 상품 템플릿을 골라야 합니다: {id}',
    en: '{field}: a SKU import needs a SKU template: {id}',
  },
  sku_not_found: { ko: '상품을 찾을 수 없습니다: {id}', en: 'No such SKU: {id}' },
  warehouse_not_found: { ko: '창고를 찾을 수 없습니다: {id}', en: 'No such warehouse: {id}' },
  duplicate_code: {
    ko: '{field}: 상품코드 {code}은(는) 이미 다른 상품({name})이 쓰고 있습니다',
    en: '{field}: code {code} is already used by another SKU ({name})',
  },
  duplicate_code_race: {
    ko: '{field}: 같은 상품코드가 방금 다른 요청으로 등록되었습니다. 다시 불러와 확인하세요',
    en: '{field}: the same code was just saved by another request; pull again and check',
  },
  duplicate_barcode: {
    ko: '{field}: 바코드 {barcode}은(는) 이미 상품 {code}에 등록되어 있습니다',
    en: '{field}: barcode {barcode} already belongs to SKU {code}',
  },
  duplicate_warehouse_code: {
    ko: '{field}: {code}은(는) 이미 있는 창고코드입니다',
    en: '{field}: warehouse code {code} already exists',
  },
  too_long: { ko: '{field}: 너무 깁니다 (최대 {max})', en: '{field}: too long (at most {max})' },
  too_many: { ko: '{field}: 최대 {max}개까지입니다', en: '{field}: at most {max}' },
  not_count: { ko: '{field}: 1 이상의 정수여야 합니다: {value}', en: '{field}: a whole number, 1 or more: {value}' },
  required: { ko: '{field}: 값을 입력하세요', en: '{field}: required' },
  status_date_required: {
    ko: '{field}: 상태가 {status}이면 날짜(YYYY-MM-DD)가 필요합니다',
    en: '{field}: status {status} needs a date (YYYY-MM-DD)',
  },
  bad_date: { ko: '{field}: 날짜가 올바르지 않습니다 (예: 2026-12-01): {value}', en: '{field}: not a date (e.g. 2026-12-01): {value}' },
  limit_required: {
    ko: '{field}: 상태가 한정이면 한정수량(1 이상)이 필요합니다',
    en: '{field}: a limited SKU needs a cap (1 or more)',
  },
  won_too_large: { ko: '{field}: 최대 {max}원까지입니다: {value}', en: '{field}: at most {max} won: {value}' },
  count_too_large: { ko: '{field}: 최대 {max}까지입니다: {value}', en: '{field}: at most {max}: {value}' },
  not_won: { ko: '{field}: 0 이상의 원 단위 정수여야 합니다: {value}', en: '{field}: whole won, 0 or more: {value}' },
  stale_version: {
    ko: '다른 곳에서 먼저 바뀌었습니다 (지금 버전 {current}). 다시 불러온 뒤 고치세요',
    en: 'Changed elsewhere first (now version {current}); pull again, then edit',
  },
  default_unset: {
    ko: '{field}: 기본 창고는 해제할 수 없습니다. 다른 창고를 기본으로 지정하세요',
    en: '{field}: the default cannot be unset; make another warehouse the default instead',
  },
  default_inactive: {
    ko: '{field}: 기본 창고는 사용 중지할 수 없습니다. 먼저 다른 창고를 기본으로 지정하세요',
    en: '{field}: the default warehouse cannot be deactivated; make another one the default first',
  },
  inactive_default: {
    ko: '{field}: 사용 중지된 창고는 기본으로 지정할 수 없습니다',
    en: '{field}: an inactive warehouse cannot be the default',
  },
  warehouse_has_stock: {
    ko: '{field}: 재고가 남아 있는 창고({skus}개 상품, 수량 {units})는 사용 중지할 수 없습니다. 재고를 옮기거나 0으로 조정한 뒤 다시 하세요',
    en: '{field}: this warehouse still holds stock ({skus} SKUs, {units} units) and cannot be deactivated; transfer or count it to 0 first',
  },
  // The storefront queue: why an entry is not pushed to the mall.
  no_connector: {
    ko: '아직 쇼핑몰 상품 상태를 바꾸는 연동이 없어 전송하지 않았습니다 ({change}). 쇼핑몰 판매자센터에서 직접 바꾸세요',
    en: 'Not sent: no connector changes product status at the mall yet ({change}); change it in the mall’s seller center',
  },
  superseded_by: { ko: '새 변경 #{id}(으)로 대체됨', en: 'Superseded by change #{id}' },
});

export const STOREFRONT_CHANGE_LABELS = {
  sold_out: { ko: '품절 처리', en: 'mark sold out' },
  limited: { ko: '한정수량 설정', en: 'set a sales cap' },
  resume: { ko: '판매 재개', en: 'resume selling' },
} as const;
