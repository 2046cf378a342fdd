// Lines-view rows for add-in tests that do not need a server: the fields the order sheet shows.
export function lineRow(i: number, over: Record<string, unknown> = {}): Record<string, unknown> & { line_id: string } {
  const order = Math.floor(i / 2);
  return {
    line_id: `lin_${String(i).padStart(6, '0')}`,
    line_version: 1,
    order_id: `ord_${String(order).padStart(6, '0')}`,
    order_version: 1,
    status: 'READY',
    channel_name: '네이버 스마트스토어',
    mall_order_id: `2026112${String(order).padStart(11, '0')}`,
    mall_line_id: `202611221${String(i).padStart(9, '0')}`,
    order_date: '2026-11-21T03:00:00.000Z',
    recipient_name: '김민준',
    recipient_mobile: '01012345678',
    recipient_phone: '0501234567',
    recipient_zip: '06236',
    recipient_address1: '서울특별시 강남구 테헤란로 152',
    recipient_address2: '강남파이낸스센터 10층',
    delivery_memo: '부재 시 문 앞에 놓아주세요',
    product_name: '국내산 햇사과 5kg 가정용',
    option_text: '중과 / 20과 내외',
    quantity: 1,
    amount: 32900,
    courier: null,
    tracking_number: null,
    hold: false,
    hold_reason: null,
    memo: null,
    send_status: null,
    send_error: null,
    ...over,
  };
}

/** Valid CJ numbers one after another from an 11-digit start (a file its own range: numbers are unique per courier). */
export function cjNumbers(start: number): () => string {
  let serial = start;
  return () => {
    const body = String(++serial);
    return body + String(BigInt(body) % 7n);
  };
}

/** A CJ-style 12-digit number whose last digit is the mod-7 check of the first eleven. */
export function trackingNumber(seed: number): string {
  const base = String(60_700_000_000 + seed).padStart(11, '0');
  return base + String(Number(BigInt(base) % 7n));
}
