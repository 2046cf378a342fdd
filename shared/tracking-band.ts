// 송장 대역 (a courier's band of tracking numbers): a shipper with a contract that prints its own labels is given a
// range of numbers by the courier and numbers its boxes from it (자동 채번). Each number is the next body (all
// digits but the last) followed by its check digit where the courier uses mod 7 (korean-oms.md §1.2: consecutive CJ
// numbers step by 11 and wrap 6 → 0), or simply the next number where the band has no check digit. Bodies are
// BigInt: a 14-digit Hanjin number is beyond what arithmetic on doubles keeps exact once its check digit is added.
import { findCourier } from './couriers.ts';
import { checkTrackingNumber, isValidMod7, type Issue } from './tracking-number.ts';

/** How a band's numbers end: a mod-7 check digit, or no check digit (every number of the range is one). */
export type BandCheck = 'mod7' | 'none';

export type BandShape = { check: BandCheck; length: number };

const body = (number: string, check: BandCheck): bigint => BigInt(check === 'mod7' ? number.slice(0, -1) : number);

function numberOf(value: bigint, shape: BandShape): string {
  if (shape.check === 'none') return value.toString().padStart(shape.length, '0');
  return value.toString().padStart(shape.length - 1, '0') + String(value % 7n);
}

/** The number after `number` in its band (it may lie beyond the band's last: the caller compares). */
export const numberAfter = (number: string, shape: BandShape): string => numberOf(body(number, shape.check) + 1n, shape);

/** How many numbers lie from `from` to `last`, both included (0 when `from` is past `last`). */
export function numbersBetween(from: string, last: string, shape: BandShape): number {
  const n = body(last, shape.check) - body(from, shape.check) + 1n;
  return n > 0n ? Number(n) : 0;
}

/** True when `number` lies in the band from `first` to `last` (same length, body between). */
export function inBand(number: string, first: string, last: string, shape: BandShape): boolean {
  if (number.length !== shape.length || !/^\d+$/.test(number)) return false;
  const b = body(number, shape.check);
  return b >= body(first, shape.check) && b <= body(last, shape.check);
}

/** Up to `count` numbers from `from` to `last`, in order. */
export function numbersFrom(from: string, last: string, shape: BandShape, count: number): string[] {
  const out: string[] = [];
  const end = body(last, shape.check);
  for (let b = body(from, shape.check); b <= end && out.length < count; b++) out.push(numberOf(b, shape));
  return out;
}

export type BandProblem =
  | { field: 'courier'; code: 'unknown_courier' | 'band_courier_unsupported' }
  | { field: 'first_number' | 'last_number'; code: 'band_number_invalid'; issue: Issue }
  | { field: 'last_number'; code: 'band_lengths_differ' | 'band_reversed' }
  /** One end carries the courier's mod-7 check digit and the other not: a typo, not a band. */
  | { field: 'first_number' | 'last_number'; code: 'band_check_mixed' };

/**
 * What a band from `first` to `last` of this courier is: its numbers' length and check, or what is wrong with it.
 * Both ends must be numbers the courier accepts (tracking-number.ts); a courier that checks mod 7 gets mod-7 numbers,
 * a band whose ends both do not follow mod 7 at a courier that only suspects them is a band without check digit;
 * one end with it and the other without is refused (a typo: its numbers would all be warned of as suspect).
 * Couriers with letters in their numbers (EMS, S10) or none at all (direct delivery) have no bands.
 */
export function bandShape(
  courierCode: string,
  first: string,
  last: string,
): { ok: true; courier: string; shape: BandShape } | { ok: false; problem: BandProblem } {
  const courier = findCourier(courierCode);
  if (!courier) return { ok: false, problem: { field: 'courier', code: 'unknown_courier' } };
  const rule = courier.tracking;
  if (!rule.required || rule.check === 's10') return { ok: false, problem: { field: 'courier', code: 'band_courier_unsupported' } };
  const ends = [
    ['first_number', checkTrackingNumber(courier.code, first)],
    ['last_number', checkTrackingNumber(courier.code, last)],
  ] as const;
  for (const [field, checked] of ends) {
    if (!checked.ok) return { ok: false, problem: { field, code: 'band_number_invalid', issue: checked.errors[0]! } };
  }
  const [a, b] = [ends[0][1].value!, ends[1][1].value!];
  if (a.length !== b.length) return { ok: false, problem: { field: 'last_number', code: 'band_lengths_differ' } };
  const checks = (rule.check === 'mod7' || rule.check === 'mod7_warn') && (!rule.checkLengths || rule.checkLengths.includes(a.length));
  if (checks && isValidMod7(a) !== isValidMod7(b))
    return { ok: false, problem: { field: isValidMod7(a) ? 'last_number' : 'first_number', code: 'band_check_mixed' } };
  const shape: BandShape = { check: checks && isValidMod7(a) ? 'mod7' : 'none', length: a.length };
  if (body(b, shape.check) < body(a, shape.check)) return { ok: false, problem: { field: 'last_number', code: 'band_reversed' } };
  return { ok: true, courier: courier.code, shape };
}

/** The band's ends as the courier prints them, cleaned (spaces, hyphens) like any tracking number. */
export function bandEnds(courierCode: string, first: string, last: string): [string, string] {
  return [checkTrackingNumber(courierCode, first).value ?? first, checkTrackingNumber(courierCode, last).value ?? last];
}
