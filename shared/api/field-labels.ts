// The Korean name of every field a request may carry, for the head of a refusal: a Korean operator read
// "gift_sku_code: 없는 상품코드입니다" in the pane's forms and "phone: …" under the sender form. A refusal's
// message now names the field as an operator knows it ("사은품 상품코드: …"); its details keep the API's name
// (`field`) for programs, and English keeps the API's name in the message too, since it reads as English already.
// Keyed by the field's own name, whatever route or depth it sits at: the same name means the same thing across the
// API. Where it does not, the exception sits here too, looked up first: a path whose last name misleads
// (PATH_LABELS: a scan's versions.box), or a schema whose top-level fields mean something of their own
// (withOwnLabels: a warehouse's code is its 창고코드) — a service refusing such a field by hand passes the same label
// (fieldError's `label`). A unit test holds every field of every route's params, query and body (and the malls'
// credentials) to FIELD_LABELS.
import type { MessageText } from '../i18n.ts';

export const FIELD_LABELS: Readonly<Record<string, string>> = {
  // Orders, lines and boxes
  id: 'ID',
  order_id: '주문키',
  order_ids: '주문키',
  line_id: '상품주문키',
  line_ids: '상품주문키',
  line_version: '상품주문버전',
  mall_line_id: '상품주문번호',
  version: '버전',
  versions: '버전',
  box: '박스',
  box_id: '박스',
  box_ids: '박스',
  orders: '주문',
  lines: '상품주문',
  items: '항목',
  action: '작업',
  status: '상태',
  status_date: '상태일자',
  quantity: '수량',
  count: '수량',
  courier: '택배사',
  first_number: '시작 번호',
  last_number: '끝 번호',
  tracking_number: '운송장번호',
  default_courier: '기본 택배사',
  memo: '메모',
  body: '내용',
  kind: '종류',
  type: '종류',
  hold: '출고보류',
  hold_reason: '보류사유',
  flags: '표시',
  flagged: '표시',
  merge_locked: '합포장 잠금',
  priority: '우선출고',
  sold_out: '품절',
  unmatched: '비매칭',
  mismatch: '불일치',
  send_status: '송장전송',
  overwrite: '덮어쓰기',
  claim_type: '클레임 종류',
  claim_state: '클레임 상태',
  claim_ids: '클레임',
  return_pickup_delayed: '반품 회수 지연',
  reason: '사유',
  reason_text: '사유',
  // A direct order and its people
  channel: '판매처',
  channel_name: '판매처',
  channel_names: '판매처',
  channel_key: '채널키',
  channel_kind: '판매구분',
  channel_priority: '판매처 우선순위',
  source: '출처',
  ordered_at: '주문일시',
  orderer_name: '주문자',
  orderer_phone: '주문자연락처',
  recipient_name: '수취인',
  recipient_phone: '수취인전화',
  recipient_mobile: '수취인휴대폰',
  recipient_zip: '우편번호',
  recipient_address1: '주소',
  recipient_address2: '상세주소',
  delivery_memo: '배송메모',
  product_name: '상품명',
  option_text: '옵션',
  product_key: '상품키',
  option_key: '옵션키',
  total_amount: '총금액',
  // The sender (보내는 분)
  name: '이름',
  display_name: '표시 이름',
  phone: '전화번호',
  mobile: '휴대폰',
  zip: '우편번호',
  address1: '주소',
  address2: '상세주소',
  // Catalogue and stock
  code: '상품코드',
  sku: '상품',
  sku_id: '상품',
  sku_code: '상품코드',
  sku_codes: '상품코드',
  barcode: '바코드',
  barcodes: '바코드',
  price: '판매가',
  cost: '원가',
  limit_quantity: '한정수량',
  matches: '매칭',
  warehouse: '창고',
  warehouses: '창고',
  warehouse_code: '창고',
  condition: '입고 상태',
  note: '메모',
  from_warehouse: '보내는 창고',
  to_warehouse: '받는 창고',
  is_default: '기본 창고',
  on_hand: '현재고',
  expected_on_hand: '불러온 현재고',
  delta: '증감 수량',
  nonzero: '재고 있는 상품만',
  state: '상태',
  // Merge, allocation, gifts, scan
  groups: '합포장 그룹',
  rejected: '거절',
  batch_id: '할당 작업',
  policy: '할당 방식',
  order_rule: '주문 순서',
  allocate_held: '보류건 할당',
  enabled: '사용',
  rule_ids: '사은품 규칙',
  gift_sku_code: '사은품 상품코드',
  gift_quantity: '사은품 수량',
  min_quantity: '최소 수량',
  amount_min: '최소 금액',
  amount_basis: '금액 기준',
  amount_with_shipping: '배송비 포함',
  deduct_stock: '재고 차감',
  period_from: '시작일',
  period_to: '종료일',
  scans: '스캔',
  // Files, templates, exports
  template: '템플릿',
  template_id: '템플릿',
  definition: '템플릿 내용',
  columns: '열',
  field: '항목',
  fields: '항목',
  fixed: '고정값',
  required: '필수',
  guessed: '추정',
  reference: '참조',
  headers: '머리글',
  headerRow: '머리글 행',
  header_row: '머리글 행',
  rows: '행',
  sheet: '시트',
  filename: '파일 이름',
  content_base64: '파일 내용',
  format: '파일 형식',
  encoding: '문자 인코딩',
  all_or_nothing: '모두 성공할 때만 반영',
  // Mall accounts
  mall_type: '쇼핑몰',
  mall_account_id: '쇼핑몰 계정',
  mall_account_ids: '쇼핑몰 계정',
  base_url: 'API 주소',
  credentials: '접속 정보',
  vendor_id: '업체코드',
  access_key: 'Access Key',
  secret_key: 'Secret Key',
  client_id: '애플리케이션 ID',
  client_secret: '애플리케이션 시크릿',
  mall_id: '쇼핑몰 ID',
  refresh_token: 'Refresh Token',
  active: '사용',
  collect_enabled: '주문수집',
  confirm_enabled: '발주확인',
  send_invoice_enabled: '송장전송',
  sync_enabled: '주문동기화',
  auto_confirm: '자동 발주확인',
  auto_release: '발주확인 시 출고지시',
  auto_ship: '송장 입력 시 출고',
  auto_send: '출고 시 송장전송',
  // Users, sign-in, tokens
  username: '아이디',
  password: '비밀번호',
  current_password: '현재 비밀번호',
  new_password: '새 비밀번호',
  must_change_password: '비밀번호 변경 요구',
  role: '권한',
  user_id: '사용자',
  actor_id: '작업자',
  expires_in_days: '유효 기간(일)',
  ticket: '이벤트 티켓',
  lang: '언어',
  // Lists, periods, layouts
  q: '검색어',
  from: '기간 시작',
  to: '기간 끝',
  created_since: '등록 이후',
  days: '기간(일)',
  cursor: '페이지 커서',
  limit: '건수',
  include_deleted: '삭제 포함',
  deleted: '삭제된 주문만',
  has_memo: '메모 있음',
  entity: '대상',
  entity_id: '대상 ID',
  result: '결과',
  hidden: '숨김',
  own: '내 열',
  width: '너비',
  // Not a field of any body: the request's own URL path, refused whole (a NUL in it).
  path: '요청 경로',
};

/**
 * Labels of a path as a whole where its last name alone would mislead: the box of a scan's versions is the box's
 * version, not the box.
 */
const PATH_LABELS: Readonly<Record<string, string>> = {
  'versions.box': '박스 버전',
  'versions.lines': '상품주문 버전',
  'versions.orders': '주문 버전',
  // A stock count row's on_hand, refused by the schema (the service's own refusals use COUNT_ROW_LABELS).
  'rows.on_hand': '새 수량',
};

/** The whole of one part of a request, refused as a whole (a body that is not an object, say). */
const PLACE_LABELS: Readonly<Record<string, string>> = { body: '요청 본문', query: '요청 조건', params: '요청 경로' };

/**
 * A field path ("phone", "items.3.version", "credentials.secret_key") as a refusal names it: in Korean by its
 * label, with the path after it when it is not a plain top-level field, so a deep one can still be found; in
 * English by its path. A field the table does not know is named by its path in both. `label` names the field
 * where its API-wide name means something else (a warehouse's `code` is its 창고코드: see ownLabels).
 */
export function fieldLabel(path: string, label?: string): MessageText {
  const segments = path.split('.');
  const named = segments.filter((s) => !/^\d+$/.test(s));
  const leaf = named.at(-1) ?? path;
  const known = (table: Readonly<Record<string, string>>, key: string) => (Object.hasOwn(table, key) ? table[key] : undefined);
  const found = label ?? known(PATH_LABELS, named.join('.')) ?? known(FIELD_LABELS, leaf);
  if (!found) return { ko: path, en: path };
  return { ko: segments.length === 1 ? found : `${found} (${path})`, en: path };
}

/** The label of a whole request part ('body', 'query', 'params') refused as a whole. */
export function placeLabel(place: string): MessageText {
  return { ko: PLACE_LABELS[place] ?? place, en: place };
}

const OWN_LABELS = new WeakMap<object, Readonly<Record<string, string>>>();

/**
 * Gives the top-level fields of one request schema their own labels where the API-wide ones would mislead
 * (`code` and `name` of a warehouse are its 창고코드 and 창고명); returns the schema. Kept beside the schema rather
 * than in its metadata, which the OpenAPI document would carry.
 */
export function withOwnLabels<S extends object>(schema: S, labels: Readonly<Record<string, string>>): S {
  OWN_LABELS.set(schema, labels);
  return schema;
}

/** The label `withOwnLabels` gave `field` of `schema`, if any. */
export function ownLabel(schema: object, field: string): string | undefined {
  const labels = OWN_LABELS.get(schema);
  return labels && Object.hasOwn(labels, field) ? labels[field] : undefined;
}

/** A warehouse's own names, for its schemas and for the refusals its service makes by hand. */
export const WAREHOUSE_LABELS = { code: '창고코드', name: '창고명' } as const;
/** A counted row's on-hand is what the operator typed in the stock sheet's 새 수량, not the 현재고 beside it. */
export const COUNT_ROW_LABELS: Readonly<Record<string, string>> = { on_hand: PATH_LABELS['rows.on_hand']! };
/** A SKU's name is the product's. */
export const SKU_LABELS = { name: '상품명' } as const;
