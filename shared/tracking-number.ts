// Tracking numbers (운송장번호): clean up what sheets and sellers paste, then check it against the courier's rule
// from couriers.ts. Rules and their evidence: korean-oms.md §1.2 (mod 7) and §1.3 (UPU S10).

import { defineMessages } from './i18n.ts';
import { findCourier } from './couriers.ts';
import type { Courier, TrackingRule } from './couriers.ts';

export const trackingMessages = defineMessages('tracking', {
  unknown_courier: {
    ko: '알 수 없는 택배사입니다: {courier}',
    en: 'Unknown courier: {courier}',
  },
  empty: {
    ko: '운송장번호가 비어 있습니다.',
    en: 'The tracking number is empty.',
  },
  too_long: {
    ko: '운송장번호가 너무 깁니다 ({actual}자리, 최대 {max}자리).',
    en: 'The tracking number is too long ({actual} characters, at most {max}).',
  },
  invalid_value: {
    ko: '운송장번호로 읽을 수 없는 값입니다: {value}',
    en: 'This value cannot be read as a tracking number: {value}',
  },
  excel_scientific: {
    ko: '운송장번호가 엑셀에서 지수 형식({value})으로 바뀌어 뒷자리가 사라졌습니다. 열 서식을 텍스트로 바꾸고 원래 번호를 다시 붙여 넣으세요.',
    en: 'Excel turned the tracking number into scientific notation ({value}) and its last digits are lost. Format the column as Text and paste the original numbers again.',
  },
  excel_precision_lost: {
    ko: '운송장번호 {value}이(가) 숫자 셀에 있어 엑셀이 15자리 이후를 잃었습니다. 열 서식을 텍스트로 바꾸고 원래 번호를 다시 붙여 넣으세요.',
    en: 'Tracking number {value} is in a number cell, so Excel dropped the digits after the 15th. Format the column as Text and paste the original numbers again.',
  },
  not_digits: {
    ko: '{courier} 운송장번호에는 숫자만 쓸 수 있습니다: {value}',
    en: '{courierEn} tracking numbers may contain digits only: {value}',
  },
  wrong_length: {
    ko: '{courier} 운송장번호는 {lengths}자리여야 합니다. 입력한 번호는 {actual}자리입니다.',
    en: '{courierEn} tracking numbers have {lengths} digits; this one has {actual}.',
  },
  s10_format: {
    ko: '{courier} 번호는 영문 2자 + 숫자 9자리 + {country} 형식이어야 합니다(예: {example}). 입력: {value}',
    en: '{courierEn} numbers are 2 letters + 9 digits + {country} (e.g. {example}). Got: {value}',
  },
  check_digit_failed: {
    ko: '{courier} 운송장번호 {value}의 검증 숫자가 맞지 않습니다. 번호를 다시 확인하세요.',
    en: 'The check digit of {courierEn} tracking number {value} does not match. Please check the number.',
  },
  check_digit_suspect: {
    ko: '{courier} 운송장번호 {value}의 마지막 자리가 일반적인 검증 규칙과 맞지 않습니다. 오타가 없는지 확인하세요.',
    en: 'The last digit of {courierEn} tracking number {value} does not follow the usual check rule. Please check for typos.',
  },
});

export type TrackingIssueCode = keyof typeof trackingMessages;
export type IssueParams = Record<string, string | number>;
export type Issue = { code: TrackingIssueCode; params: IssueParams };

export type NormalizeResult = { ok: true; value: string } | { ok: false; code: TrackingIssueCode; params: IssueParams };

export type TrackingCheckResult = {
  ok: boolean;
  /** The cleaned-up number whenever it could be read, also when a later check failed. */
  value?: string;
  errors: Issue[];
  warnings: Issue[];
};

/** Excel shows 15 significant digits; a number cell holding more has already lost the rest. */
const EXCEL_MAX_EXACT = 999_999_999_999_999;

const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i;
/** A number cell read as text, e.g. "607012345678.0". */
const NUMBER_CELL_TAIL = /^(\d+)\.0+$/;
/** Spaces (incl. no-break and zero-width), hyphens and dashes, dots, and thousands commas (#,##0 format). */
const SEPARATORS = /[\s\u200b-\u200d\ufeff\-\u2010-\u2015\u2212.,]/g;
/** Excel's "store as text" prefix, plain or typographic. */
const LEADING_APOSTROPHE = /^['\u2018\u2019`]+/;

function fromNumber(value: number): NormalizeResult {
  if (!Number.isInteger(value) || value < 0) return { ok: false, code: 'invalid_value', params: { value: String(value) } };
  if (value > EXCEL_MAX_EXACT) return { ok: false, code: 'excel_precision_lost', params: { value: String(value) } };
  return { ok: true, value: String(value) };
}

/** Already clean: ASCII digits and capitals only, which every step below would hand back unchanged. */
const CLEAN = /^[0-9A-Z]+$/;

function fromText(raw: string): NormalizeResult {
  // Most numbers arrive clean (a bulk call checks tens of thousands): skip NFKC and the clean-up for them.
  if (CLEAN.test(raw)) return { ok: true, value: raw };
  // NFKC turns full-width digits, letters and hyphens (０-９, Ａ, －) into ASCII.
  const text = raw.normalize('NFKC').trim().replace(LEADING_APOSTROPHE, '').trim();
  // "6.07012E+11" is what Excel displays for a long number: the digits after the 6th are gone for good.
  if (SCIENTIFIC.test(text)) return { ok: false, code: 'excel_scientific', params: { value: text } };
  const withoutCellTail = text.replace(NUMBER_CELL_TAIL, '$1');
  const value = withoutCellTail.replace(SEPARATORS, '').toUpperCase();
  if (value === '') return { ok: false, code: 'empty', params: {} };
  return { ok: true, value };
}

/**
 * Cleans a tracking number from a sheet cell, a CSV field or an API payload (korean-oms.md §1.2: store as text,
 * strip separators and Excel artefacts). Letters are kept (upper-cased) for S10 numbers; whether they are allowed
 * is decided by `checkTrackingNumber`.
 */
export function normalizeTrackingNumber(raw: unknown): NormalizeResult {
  if (raw === null || raw === undefined) return { ok: false, code: 'empty', params: {} };
  if (typeof raw === 'number') return fromNumber(raw);
  // A bigint is exact (no Excel precision limit), so only its sign can be wrong.
  if (typeof raw === 'bigint') {
    return raw < 0n ? { ok: false, code: 'invalid_value', params: { value: String(raw) } } : { ok: true, value: String(raw) };
  }
  if (typeof raw === 'string') return fromText(raw);
  return { ok: false, code: 'invalid_value', params: { value: typeof raw } };
}

/** korean-oms.md §1.2: all digits but the last, as one integer, mod 7 equals the last digit. */
export function isValidMod7(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  // The remainder digit by digit (Horner's rule): the same as BigInt(body) % 7n for any length, without big integers.
  let rest = 0;
  for (let i = 0; i < digits.length - 1; i++) rest = (rest * 10 + digits.charCodeAt(i) - 48) % 7;
  return rest === digits.charCodeAt(digits.length - 1) - 48;
}

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

/** UPU S10 check digit over the 8 serial digits (korean-oms.md §1.3): 11 − (Σ weight·digit mod 11), 10→0, 11→5. */
export function s10CheckDigit(serial: string): number {
  if (!/^\d{8}$/.test(serial)) throw new Error(`S10 serial must be 8 digits, got "${serial}"`);
  const sum = S10_WEIGHTS.reduce((total, weight, i) => total + weight * Number(serial[i]), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return 0;
  if (check === 11) return 5;
  return check;
}

/** Full S10 check: AA + 8 serial digits + check digit + 2-letter country. */
export function isValidS10(value: string): boolean {
  const match = /^[A-Z]{2}(\d{8})(\d)[A-Z]{2}$/.exec(value);
  if (!match) return false;
  const [, serial = '', check = ''] = match;
  return s10CheckDigit(serial) === Number(check);
}

/** [10, 12] → "10, 12"; [8, 9, …, 16] → "8–16": readable in both languages. */
export function describeLengths(lengths: readonly number[]): string {
  const runs: number[][] = [];
  for (const n of [...new Set(lengths)].sort((a, b) => a - b)) {
    const run = runs.at(-1);
    if (run && run.at(-1) === n - 1) run.push(n);
    else runs.push([n]);
  }
  return runs.map((run) => (run.length >= 3 ? `${run[0]}–${run.at(-1)}` : run.join(', '))).join(', ');
}

function courierParams(courier: Courier): IssueParams {
  return { courier: courier.nameKo, courierEn: courier.nameEn };
}

function checkS10(courier: Courier, rule: TrackingRule, value: string): Issue | undefined {
  const country = rule.s10Country;
  const wellFormed = /^[A-Z]{2}\d{9}[A-Z]{2}$/.test(value) && (!country || value.endsWith(country));
  if (!wellFormed) {
    const params = { ...courierParams(courier), value, country: country ?? 'XX', example: `EE123456785${country ?? 'KR'}` };
    return { code: 's10_format', params };
  }
  return isValidS10(value) ? undefined : { code: 'check_digit_failed', params: { ...courierParams(courier), value } };
}

/** Length then, where the courier has one, the mod-7 check; returns the first problem found. */
// The parameters of an issue are only made when there is one: most numbers pass, and a bulk call checks 10,000s.
function checkDigits(courier: Courier, rule: TrackingRule, value: string): { error?: Issue; warning?: Issue } {
  if (!/^\d+$/.test(value)) return { error: { code: 'not_digits', params: { ...courierParams(courier), value } } };
  if (rule.lengths.length > 0 && !rule.lengths.includes(value.length)) {
    const lengths = describeLengths(rule.lengths);
    return { error: { code: 'wrong_length', params: { ...courierParams(courier), value, lengths, actual: value.length } } };
  }
  const checked = rule.check === 'mod7' || rule.check === 'mod7_warn';
  const appliesToLength = !rule.checkLengths || rule.checkLengths.includes(value.length);
  if (!checked || !appliesToLength || isValidMod7(value)) return {};
  const params = { ...courierParams(courier), value };
  return rule.check === 'mod7' ? { error: { code: 'check_digit_failed', params } } : { warning: { code: 'check_digit_suspect', params } };
}

/** The longest number stored (boxes.tracking_number). */
export const MAX_TRACKING_LENGTH = 40;

/**
 * Validates a tracking number for a courier (our code, or any name or mall code `findCourier` accepts).
 * Errors block the upload to the mall; warnings only ask the user to look again (korean-oms.md §1.2).
 */
export function checkTrackingNumber(courierCode: string, raw: unknown): TrackingCheckResult {
  const courier = findCourier(courierCode);
  if (!courier) return { ok: false, errors: [{ code: 'unknown_courier', params: { courier: courierCode } }], warnings: [] };
  const rule = courier.tracking;

  const normalized = normalizeTrackingNumber(raw);
  if (!normalized.ok) {
    // 업체직송 ships without a courier, so an empty cell is the normal case there.
    if (normalized.code === 'empty' && !rule.required) return { ok: true, value: '', errors: [], warnings: [] };
    const params = { ...courierParams(courier), ...normalized.params };
    return { ok: false, errors: [{ code: normalized.code, params }], warnings: [] };
  }

  const value = normalized.value;
  // Any courier, even one without a length rule (업체직송), is stored in a column of this size.
  if (value.length > MAX_TRACKING_LENGTH) {
    return {
      ok: false,
      value,
      errors: [{ code: 'too_long', params: { ...courierParams(courier), actual: value.length, max: MAX_TRACKING_LENGTH } }],
      warnings: [],
    };
  }
  if (rule.check === 's10') {
    const error = checkS10(courier, rule, value);
    return { ok: !error, value, errors: error ? [error] : [], warnings: [] };
  }
  const { error, warning } = checkDigits(courier, rule, value);
  return { ok: !error, value, errors: error ? [error] : [], warnings: warning ? [warning] : [] };
}
