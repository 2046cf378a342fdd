// JSON that keeps big integers exact. Coupang sends shipmentBoxId (18 digits since 2024-11) and some orderIds as
// JSON numbers beyond Number.MAX_SAFE_INTEGER (mall-apis.md §1.2), which JSON.parse would round. parseLossless
// turns exactly those literals into strings before parsing; stringifyLossless writes JsonInteger values back as
// bare numbers, so request bodies carry ids the way the API expects them.

/** An integer that must be written as a JSON number without passing through a JS number. */
export class JsonInteger {
  constructor(readonly digits: string) {
    if (!/^-?\d+$/.test(digits)) throw new Error(`not an integer: ${digits}`);
  }
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
// Characters that can continue a JSON number token once it started: digits, '.', 'e', 'E', '+', '-'.
const isNumberPart = (c: number) => isDigit(c) || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === 0x2d;

/**
 * JSON.parse, except that integer literals outside the safe range come back as strings of their digits.
 * Strings are skipped whole (escapes included), so digits inside text are never touched. Malformed text
 * still throws, as JSON.parse does.
 */
export function parseLossless(text: string): unknown {
  let out = '';
  let copied = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i += 2;
        else if (d === 0x22) break;
        else i++;
      }
      i++;
    } else if (c === 0x2d || isDigit(c)) {
      let j = i + 1;
      while (j < n && isNumberPart(text.charCodeAt(j))) j++;
      const token = text.slice(i, j);
      if (/^-?\d+$/.test(token) && !Number.isSafeInteger(Number(token))) {
        out += `${text.slice(copied, i)}"${token}"`;
        copied = j;
      }
      i = j;
    } else {
      i++;
    }
  }
  return JSON.parse(copied === 0 ? text : out + text.slice(copied));
}

/** JSON.stringify for plain data, writing JsonInteger values as bare digits. */
export function stringifyLossless(value: unknown): string {
  if (value instanceof JsonInteger) return value.digits;
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined || typeof v === 'function' ? 'null' : stringifyLossless(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const withJson = value as { toJSON?: () => unknown };
    if (typeof withJson.toJSON === 'function') return stringifyLossless(withJson.toJSON());
    const parts: string[] = [];
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined || typeof v === 'function') continue;
      parts.push(`${JSON.stringify(key)}:${stringifyLossless(v)}`);
    }
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
