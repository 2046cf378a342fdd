// Addresses and postal codes, normalised for deciding whether two orders go to the same recipient (합포장).
// Rules: korean-oms.md §2.2 (postal codes, suggested merge key) and §2.1 (safe numbers are not a merge key).
// Road-name (도로명) and lot-number (지번) forms of one building still differ after this; only a postcode lookup
// (§2.2, Kakao/Daum `roadAddress` + `jibunAddress`) can unify those.

import type { Messages } from './i18n.ts';

export const addressMessages = {
  zip_empty: {
    ko: '우편번호가 비어 있습니다.',
    en: 'The postal code is empty.',
  },
  zip_legacy: {
    ko: '{zip}은(는) 2015년 8월 이전의 6자리 우편번호입니다. 5자리 새 우편번호로 바꿔 주세요.',
    en: '{zip} is a 6-digit postal code from before August 2015. Please use the 5-digit code.',
  },
  zip_invalid: {
    ko: '올바른 우편번호가 아닙니다: {zip}',
    en: 'Not a valid postal code: {zip}',
  },
} satisfies Messages;

export type AddressIssueCode = keyof typeof addressMessages;

export type ZipResult = { ok: true; value: string } | { ok: false; code: AddressIssueCode; params: Record<string, string | number> };

/**
 * Long and older province names → the short form (17 시·도). Metropolitan cities also drop a bare "시"
 * ("서울시"), except 광주: "광주시" is just as likely 경기도 광주시 with the province left out.
 */
const PROVINCES: ReadonlyArray<readonly [short: string, variants: readonly string[]]> = [
  ['서울', ['서울특별시', '서울시']],
  ['부산', ['부산광역시', '부산시']],
  ['대구', ['대구광역시', '대구시']],
  ['인천', ['인천광역시', '인천시']],
  ['광주', ['광주광역시']],
  ['대전', ['대전광역시', '대전시']],
  ['울산', ['울산광역시', '울산시']],
  ['세종', ['세종특별자치시', '세종시']],
  ['경기', ['경기도']],
  ['강원', ['강원특별자치도', '강원도']],
  ['충북', ['충청북도']],
  ['충남', ['충청남도']],
  ['전북', ['전북특별자치도', '전라북도']],
  ['전남', ['전라남도']],
  ['경북', ['경상북도']],
  ['경남', ['경상남도']],
  ['제주', ['제주특별자치도', '제주도']],
];

const PROVINCE_BY_VARIANT = new Map(PROVINCES.flatMap(([short, variants]) => variants.map((v) => [v, short] as const)));

const DASHES = /[-\u2010-\u2015\u2212]/;

/**
 * The province as its short form. Whitespace is already one space here (normalizeAddress), so a province name,
 * which holds no space and must end at one, is the whole first word: one map lookup instead of a pattern of every
 * name, which a 100,000-line merge preview ran tens of thousands of times.
 */
function unifyProvince(address: string): string {
  const space = address.indexOf(' ');
  const first = space < 0 ? address : address.slice(0, space);
  const short = PROVINCE_BY_VARIANT.get(first);
  return short === undefined ? address : short + address.slice(first.length);
}

/**
 * Key form of an address line: full-width → ASCII, lower-case Latin, commas and whitespace collapsed to one
 * space, the province in short form, a trailing "(역삼동, 래미안)" reference removed, and lot numbers written
 * as "123-45" (no spaces around the hyphen, no "번지"). Not meant for display or for waybills.
 */
export function normalizeAddress(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  let text = raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[,\s]+/g, ' ')
    .trim();
  // Each rewrite below runs only when its text is there at all: most addresses hold none, and the merge preview
  // keys tens of thousands of them.
  // The road-name address's reference item (참고항목: 법정동, 공동주택명) is optional, so one mall sends it
  // and another does not (§2.2).
  if (text.endsWith(')')) text = text.replace(/\s*\([^()]*\)$/, '');
  if (DASHES.test(text)) text = text.replace(/(\d)\s*[-\u2010-\u2015\u2212]\s*(?=\d)/g, '$1-');
  if (text.includes('번지')) text = text.replace(/(\d)\s*번지/g, '$1');
  return unifyProvince(text);
}

/** Postal code with the reason when it is unusable (§2.2). */
export function parseZip(raw: unknown): ZipResult {
  const text = typeof raw === 'number' && Number.isSafeInteger(raw) ? String(raw) : typeof raw === 'string' ? raw : '';
  const trimmed = text.normalize('NFKC').trim();
  if (trimmed === '') return { ok: false, code: 'zip_empty', params: {} };
  const digits = trimmed.replace(/\.0+$/, '').replace(/[\s-]/g, '');
  if (!/^\d+$/.test(digits)) return { ok: false, code: 'zip_invalid', params: { zip: trimmed } };
  // 6 digits (XXX-XXX) are the codes replaced on 2015-08-01; they no longer identify a delivery zone.
  if (digits.length === 6) return { ok: false, code: 'zip_legacy', params: { zip: trimmed } };
  // Seoul codes start with 0 (01–09), which a number cell drops: "6035" is 06035.
  const zip = digits.length === 4 ? `0${digits}` : digits;
  // First two digits are the province, 01 (Seoul) to 63 (Jeju).
  const province = Number(zip.slice(0, 2));
  if (zip.length !== 5 || province < 1 || province > 63) return { ok: false, code: 'zip_invalid', params: { zip: trimmed } };
  return { ok: true, value: zip };
}

/** 5-digit postal code, or null when empty, legacy (6-digit) or malformed; `parseZip` says which. */
export function normalizeZip(raw: unknown): string | null {
  const result = parseZip(raw);
  return result.ok ? result.value : null;
}

/** A recipient name as merges compare it: NFKC, trimmed, inner spaces as one, lower case ('' for no name). */
export function normalizeName(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  return PLAIN_NAME.test(raw) ? raw : raw.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Names that are their own normal form: Hangul syllables (NFKC leaves them as they are, they have no case), ASCII
 * digits and lower-case letters, no whitespace. Most names are; one test of this spares them four passes and
 * strings each (a 100,000-line desk normalises every order's name).
 */
const PLAIN_NAME = /^[\uac00-\ud7a30-9a-z]+$/;
