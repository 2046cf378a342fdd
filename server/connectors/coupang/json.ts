// JSON that keeps big integers exact. Coupang sends shipmentBoxId (18 digits since 2024-11) and some orderIds as
// JSON numbers beyond Number.MAX_SAFE_INTEGER (mall-apis.md §1.2), which JSON.parse would round. lossless-json reads
// every number as its text: integers outside the safe range stay strings of their digits, the rest become numbers.
// Request bodies carry ids as LosslessNumber values, which are written back as bare numbers, the way the API wants.
import { isInteger, isSafeNumber, LosslessNumber, parse, stringify } from 'lossless-json';

export { LosslessNumber };

const parseNumber = (text: string): number | string => (isInteger(text) && !isSafeNumber(text) ? text : Number(text));

/** JSON.parse, except that integer literals outside the safe range come back as strings of their digits. */
export function parseLossless(text: string): unknown {
  return parse(text, null, parseNumber);
}

/** JSON.stringify for plain data, writing LosslessNumber values as bare digits. */
export function stringifyLossless(value: unknown): string {
  return stringify(value) ?? 'null';
}
