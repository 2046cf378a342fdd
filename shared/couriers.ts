// Korean couriers (택배사): our stable codes, the codes the malls expect, and the tracking-number rule for each.
// Sources: korean-oms.md §1.1–1.3 (lengths and check digits), mall-apis.md §1.8 (Coupang) and §2.7 (Naver).
// Bare section numbers below: §1.1–§1.3 are korean-oms.md; §1.5, §1.8 (Coupang) and §2.4, §2.7 (Naver) are
// mall-apis.md. Entries or fields marked "unverified" rest on a single weak source; they live in this table,
// not in code, so correcting one is a one-line change.

export type CourierCode =
  | 'CJ'
  | 'LOTTE'
  | 'HANJIN'
  | 'LOGEN'
  | 'EPOST'
  | 'EPOST_EMS'
  | 'EPOST_REGISTERED'
  | 'KDEXP'
  | 'DAESIN'
  | 'ILYANG'
  | 'CHUNIL'
  | 'HDEXP'
  | 'KUNYOUNG'
  | 'CVSNET'
  | 'CUPOST'
  | 'NONGHYUP'
  | 'HONAM'
  | 'SLX'
  | 'YONGMA'
  | 'COUPANG_LS'
  | 'DIRECT';

export type Mall = 'coupang' | 'naver';

/**
 * How the last character of a tracking number is checked (korean-oms.md §1.2, §1.3):
 * - `none`: length only;
 * - `mod7`: all digits but the last, as one integer, mod 7 must equal the last digit — a failure is an error;
 * - `mod7_warn`: the same rule, but only observed empirically for this courier, so a failure is a warning;
 * - `s10`: UPU S10 (2 letters + 8 serial digits + check digit + country code), mod-11 check digit.
 */
export type TrackingCheckKind = 'none' | 'mod7' | 'mod7_warn' | 's10';

export type TrackingRule = {
  /** False only for 업체직송: the shipment goes out without a courier, so there is nothing to track. */
  required: boolean;
  /** Allowed lengths (digits; for `s10` the full 13 characters). Empty means any length. */
  lengths: readonly number[];
  check: TrackingCheckKind;
  /** Lengths the check digit applies to; omitted means every allowed length. */
  checkLengths?: readonly number[];
  /** Country suffix an `s10` number must end with. */
  s10Country?: string;
};

export type Courier = {
  code: CourierCode;
  nameKo: string;
  nameEn: string;
  /** Coupang WING `deliveryCompanyCode` (mall-apis.md §1.8); null when Coupang has no known code. */
  coupangCode: string | null;
  /** Naver Commerce `deliveryCompanyCode` (mall-apis.md §2.7); null when unknown. */
  naverCode: string | null;
  /** Other spellings sellers type into sheets; matched by `findCourier` after normalisation. */
  aliases: readonly string[];
  tracking: TrackingRule;
};

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * Used where no source gives a length (합동, 농협, 우리, SLX, 용마, 쿠팡 LS). Only a sanity range against typos
 * such as a pasted order number; it is the widest span Coupang documents for any courier (KDEXP 8–16, mall-apis.md §1.8).
 */
const UNKNOWN_LENGTHS = range(8, 16);

const lengthOnly = (lengths: readonly number[]): TrackingRule => ({ required: true, lengths, check: 'none' });

export const COURIERS: readonly Courier[] = [
  {
    code: 'CJ',
    nameKo: 'CJ대한통운',
    nameEn: 'CJ Logistics',
    coupangCode: 'CJGLS',
    naverCode: 'CJGLS',
    aliases: ['대한통운', 'CJ', '씨제이', '씨제이대한통운', 'CJ GLS', 'CJ Korea Express', 'Korea Express'],
    // mod 7 fits every public CJ sample but is not enforced by any tracker (§1.2, unverified) → warning only.
    tracking: { required: true, lengths: [10, 12], check: 'mod7_warn' },
  },
  {
    code: 'LOTTE',
    nameKo: '롯데택배',
    nameEn: 'Lotte Global Logistics',
    coupangCode: 'HYUNDAI',
    naverCode: 'HYUNDAI',
    aliases: ['롯데', '롯데글로벌로지스', '롯데로지스틱스', '현대택배', '현대로지스틱스', 'Lotte', 'Hyundai Logistics'],
    // tracker.delivery rejects 12-digit numbers failing mod 7 (§1.2, hard evidence). Coupang also accepts
    // 10 and 13 digits (§1.8); no check is known for those, so the hard check is limited to 12.
    tracking: { required: true, lengths: [10, 12, 13], check: 'mod7', checkLengths: [12] },
  },
  {
    code: 'HANJIN',
    nameKo: '한진택배',
    nameEn: 'Hanjin',
    coupangCode: 'HANJIN',
    naverCode: 'HANJIN',
    aliases: ['한진', 'Hanjin Express'],
    // Older tracker code applied mod 7 to 10/12 digits; current code accepts 12/14 by length only, which
    // suggests 14-digit numbers do not follow it (§1.1, §1.2) → warning on 10/12 only.
    tracking: { required: true, lengths: [10, 12, 14], check: 'mod7_warn', checkLengths: [10, 12] },
  },
  {
    code: 'LOGEN',
    nameKo: '로젠택배',
    nameEn: 'Logen',
    coupangCode: 'KGB',
    naverCode: 'KGB',
    aliases: ['로젠', 'KGB택배', 'iLogen'],
    // Trackers use 11 digits; Coupang documents KGB 10–11 (§1.8). One 11-digit sample passes mod 7
    // (§1.2, unverified) → warning on 11 digits only.
    tracking: { required: true, lengths: [10, 11], check: 'mod7_warn', checkLengths: [11] },
  },
  {
    code: 'EPOST',
    nameKo: '우체국택배',
    nameEn: 'Korea Post Parcel',
    coupangCode: 'EPOST',
    naverCode: 'EPOST',
    aliases: ['우체국', '우체국소포', '우정사업본부', 'Korea Post', 'KPost'],
    // 13 digits; no public check algorithm (§1.1, unverified).
    tracking: lengthOnly([13]),
  },
  {
    code: 'EPOST_EMS',
    nameKo: '우체국 EMS',
    nameEn: 'Korea Post EMS',
    coupangCode: 'EMS',
    naverCode: 'EMS',
    aliases: ['우체국EMS', '국제특급', 'Korea Post EMS'],
    // UPU S10, e.g. EE123456785KR (§1.3). Outbound EMS booked at Korea Post ends in KR.
    tracking: { required: true, lengths: [13], check: 's10', s10Country: 'KR' },
  },
  {
    code: 'EPOST_REGISTERED',
    nameKo: '우편등기',
    nameEn: 'Korea Post Registered Mail',
    coupangCode: 'REGISTPOST',
    naverCode: 'REGISTPOST',
    aliases: ['등기', '등기우편', '우체국등기', 'Registered Mail'],
    // Same 13-digit numbering as 우체국택배, first digit 1–5 (§1.1, one FAQ, unverified).
    tracking: lengthOnly([13]),
  },
  {
    code: 'KDEXP',
    nameKo: '경동택배',
    nameEn: 'Kyungdong Express',
    coupangCode: 'KDEXP',
    naverCode: 'KDEXP',
    aliases: ['경동', '경동화물', 'Kyoungdong'],
    // One tracker uses 13 digits; Coupang documents 8–16 (§1.1, §1.8). The wider, mall-documented range wins.
    tracking: lengthOnly(range(8, 16)),
  },
  {
    code: 'DAESIN',
    nameKo: '대신택배',
    nameEn: 'Daesin',
    coupangCode: 'DAESIN',
    naverCode: 'DAESIN',
    aliases: ['대신', '대신화물'],
    // Coupang and a blog say 13; one tracker also accepts 12 (§1.1, §1.8).
    tracking: lengthOnly([12, 13]),
  },
  {
    code: 'ILYANG',
    nameKo: '일양로지스',
    nameEn: 'Ilyang Logis',
    coupangCode: 'ILYANG',
    naverCode: 'ILYANG',
    aliases: ['일양', '일양택배'],
    // 10 digits from a single tracker implementation (§1.1, unverified).
    tracking: lengthOnly([10]),
  },
  {
    code: 'CHUNIL',
    nameKo: '천일택배',
    nameEn: 'Chunil Express',
    coupangCode: 'CHUNIL',
    naverCode: 'CHUNIL',
    aliases: ['천일'],
    tracking: lengthOnly([11]),
  },
  {
    code: 'HDEXP',
    nameKo: '합동택배',
    nameEn: 'Hapdong Express',
    coupangCode: 'HDEXP',
    naverCode: 'HDEXP',
    aliases: ['합동'],
    // Length unknown (§1.1).
    tracking: lengthOnly(UNKNOWN_LENGTHS),
  },
  {
    code: 'KUNYOUNG',
    nameKo: '건영택배',
    nameEn: 'Kunyoung Express',
    coupangCode: 'KUNYOUNG',
    naverCode: 'KUNYOUNG',
    aliases: ['건영'],
    // 10 digits from a blog only (§1.1, unverified).
    tracking: lengthOnly([10]),
  },
  {
    code: 'CVSNET',
    nameKo: 'GS Postbox 택배',
    nameEn: 'GS Postbox (GS25)',
    // Coupang lists only a generic `CVS` (§1.8); mapping it to the GS/cvsnet service is an assumption (unverified).
    coupangCode: 'CVS',
    naverCode: 'CVSNET',
    aliases: ['GS편의점택배', 'GS25편의점택배', 'GS25', 'GS택배', 'GSPostbox', '포스트박스', 'CVSnet'],
    // 10 or 12 (one tracker), 12 (another); no check known (§1.1).
    tracking: lengthOnly([10, 12]),
  },
  {
    code: 'CUPOST',
    nameKo: 'CU 편의점택배',
    nameEn: 'CU Post',
    // Coupang's only convenience-store code is `CVS`, already used for GS above (§1.8) → unknown here.
    coupangCode: null,
    naverCode: 'CUPARCEL',
    aliases: ['CU편의점택배', 'CU', 'CU택배', '씨유', 'CUparcel'],
    // 10–12 digits (§1.1). Tracked through the CJ tracker, but no check-digit evidence for CU itself → length only.
    tracking: lengthOnly([10, 11, 12]),
  },
  {
    code: 'NONGHYUP',
    nameKo: '농협택배',
    nameEn: 'NH Logis',
    coupangCode: 'NHLOGIS',
    naverCode: 'NONGHYUP',
    aliases: ['농협', 'NH택배', 'NH로지스', '농협물류'],
    tracking: lengthOnly(UNKNOWN_LENGTHS),
  },
  {
    code: 'HONAM',
    nameKo: '우리택배',
    nameEn: 'Woori Express (Honam)',
    coupangCode: 'HONAM',
    naverCode: 'HONAM',
    aliases: ['호남택배', '우리택배(구 호남택배)', 'Honam'],
    tracking: lengthOnly(UNKNOWN_LENGTHS),
  },
  {
    code: 'SLX',
    nameKo: 'SLX택배',
    nameEn: 'SLX',
    coupangCode: 'SLX',
    // Naver's enum has ~200 entries but the notes list no SLX code (§2.7).
    naverCode: null,
    aliases: ['SLX로지스'],
    tracking: lengthOnly(UNKNOWN_LENGTHS),
  },
  {
    code: 'YONGMA',
    nameKo: '용마로지스',
    nameEn: 'Yongma Logis',
    coupangCode: 'YONGMA',
    naverCode: null,
    aliases: ['용마', '용마택배'],
    tracking: lengthOnly(UNKNOWN_LENGTHS),
  },
  {
    code: 'COUPANG_LS',
    nameKo: '쿠팡 로지스틱스',
    nameEn: 'Coupang Logistics Services',
    // Coupang lists a `COUPANG` code without a description (§1.8); reading it as CLS is an assumption (unverified).
    coupangCode: 'COUPANG',
    naverCode: null,
    aliases: ['쿠팡', '쿠팡로지스틱스서비스', '쿠팡LS', 'CLS', 'Coupang'],
    tracking: lengthOnly(UNKNOWN_LENGTHS),
  },
  {
    code: 'DIRECT',
    nameKo: '업체직송',
    nameEn: 'Direct delivery',
    // Coupang `DIRECT` accepts any digits and is never tracked (mall-apis.md §1.5, §1.8). Naver models this as
    // deliveryMethod `DIRECT_DELIVERY` without a courier code (mall-apis.md §2.4), hence null.
    coupangCode: 'DIRECT',
    naverCode: null,
    aliases: ['직송', '업체직접배송', '직접배송', '직접전달', '자체배송'],
    tracking: { required: false, lengths: [], check: 'none' },
  },
];

/**
 * Lookup key for names: full-width → ASCII, case-folded, no spaces or punctuation, and without the words that
 * sellers add or drop freely ("택배", "(주)", "주식회사"), so "CJ 대한통운(주)" and "cj대한통운" meet.
 */
function nameKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\(주\)|주식회사|택배/g, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function buildIndex(couriers: readonly Courier[]): Map<string, Courier> {
  const index = new Map<string, Courier>();
  for (const courier of couriers) {
    const names = [courier.code, courier.nameKo, courier.nameEn, courier.coupangCode, courier.naverCode, ...courier.aliases];
    for (const name of names) {
      if (name === null) continue;
      const key = nameKey(name);
      const existing = index.get(key);
      // Two couriers sharing a spelling would make lookups depend on table order; fail loudly instead.
      if (existing && existing !== courier) {
        throw new Error(`Courier name "${name}" is ambiguous: ${existing.code} and ${courier.code}`);
      }
      index.set(key, courier);
    }
  }
  return index;
}

const BY_NAME = buildIndex(COURIERS);
/** Our own codes as they are: what the server passes around, looked up without normalising (a bulk call does it per item). */
const BY_CODE = new Map<string, Courier>(COURIERS.map((c) => [c.code, c]));

/** Our code, Korean or English name, a known alias, or a Coupang/Naver code → courier. */
export function findCourier(input: unknown): Courier | undefined {
  if (typeof input !== 'string') return undefined;
  const byCode = BY_CODE.get(input);
  if (byCode) return byCode;
  const key = nameKey(input);
  return key === '' ? undefined : BY_NAME.get(key);
}

function mallCodeOf(courier: Courier, mall: Mall): string | null {
  return mall === 'coupang' ? courier.coupangCode : courier.naverCode;
}

/** Whether the mall takes numbers of this courier (it has a code for it): a box of another goes there only by hand. */
export function courierAtMall(courier: Courier, mall: Mall): boolean {
  return mallCodeOf(courier, mall) !== null;
}

/** Exact mall code (case-insensitive) → courier; a code from the other mall does not match. */
export function courierFromMallCode(mall: Mall, code: string): Courier | undefined {
  const wanted = code.trim().toUpperCase();
  if (wanted === '') return undefined;
  return COURIERS.find((courier) => mallCodeOf(courier, mall) === wanted);
}

/** Our courier (code or any name `findCourier` knows) → the mall's code, or null when unknown for that mall. */
export function courierToMallCode(mall: Mall, courierCode: string): string | null {
  const courier = findCourier(courierCode);
  return courier ? mallCodeOf(courier, mall) : null;
}
