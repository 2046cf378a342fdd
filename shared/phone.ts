// Korean phone numbers: normalise for waybills and merge keys, classify, and mask for labels.
// Number plan and formatting: korean-oms.md §2.1. Masking on labels: korean-oms.md §3.5 (PIPC, e.g. 홍*동).

export type PhoneKind = 'mobile' | 'landline' | 'safe' | 'voip' | 'toll_free' | 'business' | 'invalid';

export type NormalizedPhone = {
  /** National digits starting with 0 (or 15xx/16xx/18xx business numbers); whatever digits were found when invalid. */
  digits: string;
  kind: PhoneKind;
  /** Hyphenated form for waybills (CJ's booking API rejects unhyphenated numbers, §2.2); the digits when invalid. */
  formatted: string;
};

/** Prefix patterns on national digits (§2.1). Order matters only for readability; they do not overlap. */
const KIND_PATTERNS: ReadonlyArray<readonly [Exclude<PhoneKind, 'invalid'>, RegExp]> = [
  // 010/011/016/017/018/019 + 7–8 digits (libphonenumber KR mobile).
  ['mobile', /^01[016-9]\d{7,8}$/],
  // 050x personal numbers, which marketplaces hand out as 안심번호 (libphonenumber `50\d{8,9}`).
  ['safe', /^050\d{8,9}$/],
  ['voip', /^070\d{7,8}$/],
  ['toll_free', /^080\d{7,8}$/],
  // 8-digit nationwide business numbers, e.g. 1588-1255.
  ['business', /^1[568]\d{6}$/],
  // Seoul 02 + 3–4 + 4; other area codes 0XX + 3–4 + 4. A subscriber number never starts with 0.
  ['landline', /^02[1-9]\d{6,7}$/],
  ['landline', /^0(?:3[1-3]|4[1-4]|5[1-5]|6[1-4])[1-9]\d{6,7}$/],
];

function classify(digits: string): PhoneKind {
  return KIND_PATTERNS.find(([, pattern]) => pattern.test(digits))?.[0] ?? 'invalid';
}

function toText(raw: unknown): string {
  if (typeof raw === 'string') return raw.normalize('NFKC');
  // A number cell: Excel has already dropped the leading 0 (handled in `nationalDigits`).
  if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0) return String(raw);
  return '';
}

/**
 * Digits in national form: "+82 10-…", "82 10-…", "0082 10-…" and "+82 (0)10-…" become "010…" (§2.1).
 * A number cell loses its leading 0 ("1012345678"); it is restored when that yields a valid number.
 */
function nationalDigits(text: string): string {
  const digits = text.replace(/\D/g, '');
  // No domestic number starts with 82 or 0082, so the country code is recognised even without "+".
  const international = /^(?:00)?82(\d{8,})$/.exec(digits);
  if (international) {
    const rest = international[1] ?? '';
    return rest.startsWith('0') ? rest : `0${rest}`;
  }
  const restored = `0${digits}`;
  if (digits !== '' && !digits.startsWith('0') && classify(digits) === 'invalid' && classify(restored) !== 'invalid') {
    return restored;
  }
  return digits;
}

/** Splits national digits into the groups people write (§2.1). */
function groups(digits: string, kind: PhoneKind): string[] {
  const split = (...sizes: number[]): string[] => {
    const parts: string[] = [];
    let at = 0;
    for (const size of sizes) {
      parts.push(digits.slice(at, at + size));
      at += size;
    }
    return parts;
  };
  const rest = (head: number): number => digits.length - head - 4;
  switch (kind) {
    case 'business':
      return split(4, 4);
    case 'safe':
      // The 050x prefix is the first group: 0504-XXXX-XXXX (12 digits) is 4-4-4, 0505-XXX-XXXX (11 digits) 4-3-4
      // (050x is the prefix the numbering plan assigns). A courier's booking file splits on the hyphens.
      return digits.length === 12 ? split(4, 4, 4) : split(4, 3, 4);
    case 'landline':
      if (digits.startsWith('02')) return split(2, rest(2), 4);
      return split(3, rest(3), 4);
    case 'mobile':
    case 'voip':
    case 'toll_free':
      return split(3, rest(3), 4);
    case 'invalid':
      return [digits];
  }
}

export function normalizePhone(raw: unknown): NormalizedPhone {
  const { digits, kind } = parsePhone(raw);
  return { digits, kind, formatted: groups(digits, kind).join('-') };
}

/** normalizePhone without the hyphenated form, for comparing numbers (merge keys) where nothing is printed. */
export function parsePhone(raw: unknown): Pick<NormalizedPhone, 'digits' | 'kind'> {
  const digits = nationalDigits(toText(raw));
  return { digits, kind: classify(digits) };
}

/** 050x 안심번호: temporary, per order, so never a sign that two orders go to the same person (§2.1). */
export function isSafeNumber(raw: unknown): boolean {
  return parsePhone(raw).kind === 'safe';
}

/** Digits usable to recognise the same recipient, or null for safe numbers and anything unparseable (§2.1). */
export function phoneMatchKey(raw: unknown): string | null {
  const { digits, kind } = parsePhone(raw);
  return kind === 'safe' || kind === 'invalid' ? null : digits;
}

const stars = (text: string): string => '*'.repeat(text.length);

/**
 * 010-1234-5678 → 010-****-5678: the middle group is hidden, as on PIPC-style waybills (§3.5).
 * Two-group business numbers hide the last group; unparseable input keeps only its last 4 digits.
 */
export function maskPhone(raw: unknown): string {
  const { digits, kind } = normalizePhone(raw);
  if (digits === '') return '';
  const parts = groups(digits, kind);
  const [first = '', second = '', third] = parts;
  if (third !== undefined) return [first, stars(second), third].join('-');
  if (parts.length === 2) return `${first}-${stars(second)}`;
  return stars(digits.slice(0, -4)) + digits.slice(-4);
}

/**
 * 홍길동 → 홍*동, 김철 → 김*, 남궁민수 → 남**수 (§3.5). Latin-script names keep only their first letter and
 * their spaces: "John Smith" → "J*** *****".
 */
export function maskName(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  const name = raw.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (name === '') return '';
  if (/\p{Script=Hangul}|\p{Script=Han}/u.test(name)) return maskKoreanName(name.replace(/ /g, ''));
  const [first = '', ...rest] = Array.from(name);
  return first + rest.map((ch) => (ch === ' ' ? ' ' : '*')).join('');
}

function maskKoreanName(name: string): string {
  const chars = Array.from(name);
  const first = chars[0] ?? '';
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${first}*`;
  return first + '*'.repeat(chars.length - 2) + (chars.at(-1) ?? '');
}
