// What a mall sends is stored as it came, but for control characters: a NUL byte (seen in a recipient's name) is
// refused by PostgreSQL's text columns, so the order could never be collected, and the others show as nothing in
// Excel. Tabs and line breaks stay (delivery memos have them).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

/**
 * `value` with every string inside it (plain objects and arrays walked) cleared of control characters: the same
 * value when there is none (nearly always), a copy of what holds one otherwise.
 */
export function withoutControlChars<T>(value: T): T {
  if (typeof value === 'string') return (CONTROL.test(value) ? value.replace(CONTROLS, '') : value) as T;
  if (Array.isArray(value)) {
    const cleaned = value.map((v) => withoutControlChars(v));
    return (cleaned.some((v, i) => v !== value[i]) ? cleaned : value) as T;
  }
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    let copy: Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(value)) {
      const cleaned = withoutControlChars(v);
      if (cleaned !== v) (copy ??= { ...(value as Record<string, unknown>) })[k] = cleaned;
    }
    return (copy ?? value) as T;
  }
  return value;
}
