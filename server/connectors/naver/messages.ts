// What operators read when Naver refuses something: Korean first (PRODUCT.md §1), English for the add-in's other
// language. Codes and their meanings: mall-apis.md §2.1 (auth) and §2.8 (pay-order and gateway codes).
import { defineMessages } from '../../../shared/i18n.ts';

export const naverMessages = defineMessages('naver', {
  auth_failed: {
    ko: '네이버 커머스API 인증에 실패했습니다. 애플리케이션 ID·시크릿과 서버 시각을 확인하세요 ({detail})',
    en: 'Naver Commerce API refused the credentials. Check the application ID, secret and the server clock ({detail})',
  },
  secret_format: {
    ko: '애플리케이션 시크릿 형식이 올바르지 않습니다. 커머스API센터에 표시된 값($2a$로 시작)을 그대로 붙여넣으세요',
    en: 'The application secret is malformed. Paste it exactly as the Commerce API Center shows it (starts with $2a$)',
  },
  token_rejected: {
    ko: '네이버가 새로 발급한 인증 토큰도 거부했습니다. 애플리케이션 권한을 확인하세요 ({detail})',
    en: 'Naver refused a freshly issued token as well. Check the application permissions ({detail})',
  },
  forbidden: {
    ko: '네이버가 이 호출을 거부했습니다 (403). 커머스API센터에서 애플리케이션의 API 권한(호출할 수 있는 API 그룹)을 확인하세요 ({detail})',
    en: "Naver refused this call (403). Check the application's API permissions (the API groups it may call) in the Commerce API Center ({detail})",
  },
  ip_not_allowed: {
    ko: '이 서버의 IP가 네이버 커머스API 애플리케이션에 등록되어 있지 않습니다',
    en: "This server's IP address is not registered with the Naver Commerce API application",
  },
  rate_limited: {
    ko: '네이버 API 호출 한도를 넘었습니다. 잠시 후 다시 시도하세요',
    en: 'Naver API rate limit reached. Try again shortly',
  },
  transient: {
    ko: '네이버 API가 응답하지 않습니다 ({detail}). 잠시 후 다시 시도하세요',
    en: 'Naver API did not answer ({detail}). Try again shortly',
  },
  bad_response: {
    ko: '네이버 API 응답을 읽을 수 없습니다 ({detail})',
    en: 'Could not read the Naver API answer ({detail})',
  },
  bad_param: { ko: '요청 값이 올바르지 않습니다 ({detail})', en: 'Invalid request value ({detail})' },
  other: { ko: '네이버에서 처리하지 못했습니다 ({detail})', en: 'Naver could not process it ({detail})' },
  not_found: {
    ko: '상품주문 {productOrderId}을(를) 네이버에서 찾을 수 없습니다',
    en: 'Product order {productOrderId} not found at Naver',
  },
  not_permitted: {
    ko: '상품주문 {productOrderId}: 이 애플리케이션에는 처리 권한이 없습니다',
    en: 'Product order {productOrderId}: this application may not process it',
  },
  delivery_method: {
    ko: '상품주문 {productOrderId}: 배송방법을 바꿀 수 없습니다',
    en: 'Product order {productOrderId}: the delivery method cannot change',
  },
  no_courier: { ko: '상품주문 {productOrderId}: 택배사가 지정되지 않았습니다', en: 'Product order {productOrderId}: no courier given' },
  bad_courier: {
    ko: '상품주문 {productOrderId}: 네이버가 택배사 코드 {courier}을(를) 받지 않습니다',
    en: 'Product order {productOrderId}: Naver does not accept courier code {courier}',
  },
  no_tracking: {
    ko: '상품주문 {productOrderId}: 운송장번호가 없습니다',
    en: 'Product order {productOrderId}: no tracking number given',
  },
  tracking_used: {
    ko: '상품주문 {productOrderId}: 운송장번호 {trackingNumber}은(는) 이미 다른 상품주문에 사용되었습니다',
    en: 'Product order {productOrderId}: tracking number {trackingNumber} is already used by another product order',
  },
  tracking_invalid: {
    ko: '상품주문 {productOrderId}: 운송장번호 {trackingNumber}이(가) 택배사 형식에 맞지 않습니다',
    en: "Product order {productOrderId}: tracking number {trackingNumber} does not fit the courier's format",
  },
  duplicate_id: {
    ko: '상품주문 {productOrderId}이(가) 한 요청에 두 번 들어 있습니다',
    en: 'Product order {productOrderId} appears twice in one request',
  },
  date_range: {
    ko: '조회 기간이 네이버 허용 범위(24시간)를 넘습니다',
    en: 'The period exceeds what Naver allows in one request (24 hours)',
  },
  order_status: {
    ko: '상품주문 {productOrderId}: 현재 주문 상태에서는 처리할 수 없습니다 (취소·반품 요청 또는 이미 발송됨)',
    en: 'Product order {productOrderId}: its status does not allow this (cancel/return requested, or already shipped)',
  },
  place_order_status: {
    ko: '상품주문 {productOrderId}: 발주확인 상태에서는 처리할 수 없습니다 (이미 발주확인되었거나 확인이 해제됨)',
    en: 'Product order {productOrderId}: its order-confirmation state does not allow this (already confirmed or unconfirmed)',
  },
  same_status: {
    ko: '상품주문 {productOrderId}: 이미 같은 상태입니다',
    en: 'Product order {productOrderId}: already in that status',
  },
  number_change_unsupported: {
    ko: '네이버 커머스API에는 발송처리된 상품주문의 송장번호를 바꾸는 호출이 없어 새 번호 {trackingNumber}을(를) 보낼 수 없습니다. 스마트스토어센터(배송현황 관리 > 송장수정)에서 바꾼 뒤 다시 전송하면 같은 번호인지 확인해 전송완료로 표시합니다',
    en: 'The Naver Commerce API has no call to change the tracking number of a dispatched product order, so the new number {trackingNumber} cannot be sent. Change it in the Smartstore seller center (배송현황 관리 > 송장수정), then send again: a matching number is marked sent',
  },
  unsupported_courier: {
    ko: '택배사 {courier}은(는) 네이버 택배사 코드가 없어 전송할 수 없습니다',
    en: 'Courier {courier} has no Naver courier code and cannot be sent',
  },
  no_result: {
    ko: '상품주문 {productOrderId}: 네이버 응답에 처리 결과가 없습니다',
    en: 'Product order {productOrderId}: Naver returned no result for it',
  },
  unknown: {
    ko: '상품주문 {productOrderId}: 네이버 오류 {code} ({detail})',
    en: 'Product order {productOrderId}: Naver error {code} ({detail})',
  },
  already_confirmed: {
    ko: '이미 네이버에서 발주확인된 상품주문입니다',
    en: 'Already confirmed at Naver',
  },
  already_dispatched: {
    ko: '이미 같은 운송장번호로 발송처리된 상품주문입니다',
    en: 'Already dispatched at Naver with the same tracking number',
  },
  decision_unsupported: {
    ko: '네이버 커머스API로는 이 클레임({claim})을(를) {decision}할 수 없습니다. 스마트스토어센터에서 직접 처리해 주세요',
    en: 'The Naver Commerce API cannot {decision} this claim ({claim}). Handle it in the Smartstore seller center',
  },
  claim_refused: {
    ko: '상품주문 {productOrderId}: 네이버가 클레임 처리를 거부했습니다 ({code} {detail})',
    en: 'Product order {productOrderId}: Naver refused the claim decision ({code} {detail})',
  },
  call_rejected: {
    ko: '네이버가 요청을 거부했습니다: {detail}',
    en: 'Naver refused the request: {detail}',
  },
  /** A box some of whose lines Naver took: what it took, before the refusals. */
  part_dispatched: {
    ko: '이 박스의 상품주문 {total}개 중 {accepted}개는 네이버에 발송처리되었고 나머지는 거부되었습니다',
    en: 'Naver dispatched {accepted} of the box’s {total} product orders and refused the rest',
  },
  /** Two lines' refusals of one box, one after the other. */
  and_then: { ko: '{first}; {next}', en: '{first}; {next}' },
});
