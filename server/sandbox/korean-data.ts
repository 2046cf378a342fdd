// Realistic Korean order data for the sandbox malls, from a seeded generator so a test can ask for the same data
// twice: names, road-name addresses with 5-digit zips, mobile and 050x safe numbers, products with options,
// repeat buyers, several items in one box.

/** mulberry32: small, fast, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILY = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권', '황'];
const GIVEN = ['민준', '서연', '지훈', '유진', '하늘', '도윤', '수아', '지호', '예은', '현우', '서윤', '건우', '하은', '우진', '지민', '은서'];

const ADDRESSES: { zip: string; road: string; details: string[] }[] = [
  { zip: '06236', road: '서울특별시 강남구 테헤란로 152', details: ['강남파이낸스센터 10층', '12층 1203호'] },
  { zip: '04524', road: '서울특별시 중구 세종대로 110', details: ['3층', '본관 201호'] },
  { zip: '13529', road: '경기도 성남시 분당구 판교역로 235', details: ['에이치스퀘어 N동 7층', '101동 1502호'] },
  { zip: '48058', road: '부산광역시 해운대구 센텀중앙로 79', details: ['센텀사이언스파크 15층', '2층'] },
  { zip: '41940', road: '대구광역시 중구 동덕로 130', details: ['302호', '1층 상가'] },
  { zip: '21554', road: '인천광역시 남동구 정각로 29', details: ['별관 2층', '101호'] },
  { zip: '61945', road: '광주광역시 서구 내방로 111', details: ['5층', '507호'] },
  { zip: '35242', road: '대전광역시 서구 둔산로 100', details: ['12층', '1101호'] },
  { zip: '63122', road: '제주특별자치도 제주시 문연로 6', details: ['2층', '별관'] },
  { zip: '44543', road: '울산광역시 중구 종가로 405', details: ['8층 805호', '1층'] },
];

/** What the sandbox malls sell (their orders pick from these; npm start's sample catalogue has a SKU for each option). */
export const PRODUCTS: readonly { name: string; price: number; options: readonly string[] }[] = [
  { name: '무선 블루투스 이어폰 프로', price: 39900, options: ['색상: 화이트', '색상: 블랙'] },
  { name: '국내산 햇사과 5kg 가정용', price: 29800, options: ['중과 (18~20과)', '대과 (14~16과)'] },
  { name: '스테인리스 텀블러 500ml', price: 15900, options: ['실버', '네이비', '코랄'] },
  { name: '기모 후드 집업', price: 45000, options: ['색상: 그레이 / 사이즈: M', '색상: 블랙 / 사이즈: L', '색상: 베이지 / 사이즈: XL'] },
  { name: '유기농 현미 10kg', price: 32000, options: ['단품'] },
  { name: '1+1 수분 크림 50ml', price: 24900, options: ['1+1 세트'] },
  { name: '고속 충전 케이블 C타입 2m', price: 8900, options: ['1개', '2개 묶음'] },
];

const MEMOS = ['문 앞에 놓아주세요', '부재 시 경비실에 맡겨주세요', '배송 전 연락 바랍니다', '', '', '파손 주의'];

export type SampleItem = { productIndex: number; name: string; option: string; quantity: number; unitPrice: number };

export type SampleOrder = {
  ordererName: string;
  ordererPhone: string;
  recipientName: string;
  /** 050x safe number, as Naver and Coupang hand out. */
  safeNumber: string;
  mobile: string;
  zip: string;
  address1: string;
  address2: string;
  memo: string;
  items: SampleItem[];
};

export function makeSampleOrders(count: number, seed = 1): SampleOrder[] {
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
  const buyers: SampleOrder[] = [];
  const out: SampleOrder[] = [];
  for (let i = 0; i < count; i++) {
    // About one order in six comes from someone who ordered before: same name, phone and address.
    const repeat = buyers.length > 3 && rnd() < 0.17 ? pick(buyers) : null;
    const name = repeat?.recipientName ?? pick(FAMILY) + pick(GIVEN);
    const address = pick(ADDRESSES);
    const itemCount = rnd() < 0.25 ? 2 + Math.floor(rnd() * 2) : 1;
    const items: SampleItem[] = [];
    for (let k = 0; k < itemCount; k++) {
      const productIndex = Math.floor(rnd() * PRODUCTS.length);
      const product = PRODUCTS[productIndex]!;
      if (items.some((it) => it.productIndex === productIndex)) continue;
      items.push({ productIndex, name: product.name, option: pick(product.options), quantity: rnd() < 0.8 ? 1 : 2, unitPrice: product.price });
    }
    const order: SampleOrder = repeat
      ? { ...repeat, safeNumber: `050${4 + Math.floor(rnd() * 4)}-${digits(4)}-${digits(4)}`, memo: pick(MEMOS), items }
      : {
          ordererName: rnd() < 0.8 ? name : pick(FAMILY) + pick(GIVEN),
          ordererPhone: `010-${digits(4)}-${digits(4)}`,
          recipientName: name,
          safeNumber: `050${4 + Math.floor(rnd() * 4)}-${digits(4)}-${digits(4)}`,
          mobile: `010-${digits(4)}-${digits(4)}`,
          zip: address.zip,
          address1: address.road,
          address2: pick(address.details),
          memo: pick(MEMOS),
          items,
        };
    if (!repeat) buyers.push(order);
    out.push(order);
  }
  return out;
}

/** A sample order sent to a given recipient (the sandbox admin API's `recipient`); the items stay the sample's. */
export function toRecipient(
  sample: SampleOrder,
  r:
    | { name: string; zip: string; address1: string; address2?: string | undefined; phone?: string | undefined; mobile?: string | undefined }
    | undefined,
): SampleOrder {
  if (!r) return sample;
  return {
    ...sample,
    recipientName: r.name,
    zip: r.zip,
    address1: r.address1,
    address2: r.address2 ?? '',
    safeNumber: r.phone ?? sample.safeNumber,
    mobile: r.mobile ?? sample.mobile,
  };
}
