// Naver's claim reasons arrive as codes (returnReason: SIMPLE_INTENT_CHANGED); the CS sheet shows what the seller
// centre shows. A code not listed here is kept as it came, so nothing the mall said is lost.
const LABELS: Record<string, string> = {
  INTENT_CHANGED: '구매 의사 취소',
  SIMPLE_INTENT_CHANGED: '단순 변심',
  COLOR_AND_SIZE: '색상 및 사이즈 변경',
  WRONG_ORDER: '다른 상품 잘못 주문',
  MISTAKE_ORDER: '주문 실수',
  PRODUCT_UNSATISFIED: '서비스 및 상품 불만족',
  DELAYED_DELIVERY: '배송 지연',
  SOLD_OUT: '상품 품절',
  DROPPED_DELIVERY: '배송 누락',
  NOT_YET_DELIVERY: '미배송',
  BROKEN: '상품 파손',
  INCORRECT_INFO: '상품 정보 상이',
  WRONG_DELIVERY: '오배송',
  WRONG_OPTION: '색상 등이 다른 상품을 잘못 배송',
  ETC: '기타',
};

/** The reason as the seller centre says it, then the buyer's own words when given: "단순 변심 / 사이즈가 작아요". */
export function claimReasonText(code: string | null, detail: string | null): string | null {
  const label = code ? (LABELS[code] ?? code) : null;
  const parts = [label, detail].filter((p): p is string => !!p && p.trim() !== '');
  return parts.length ? parts.join(' / ') : null;
}
