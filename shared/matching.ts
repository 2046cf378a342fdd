// Product matching, the parts both sides need: a line's SKUs as one display text (order_lines.sku_code), the 매칭
// sheet's SKU cell ("A100*2, B200") read into SKU × quantity, and how alike a mall product's name + option is to a
// SKU's (a suggestion only: the operator decides).

/** What one unit of a mall option is: SKU codes with quantities. */
export type MatchItem = { sku_code: string; quantity: number };

/** The display summary of a set: one SKU × 1 is its code; otherwise `A100×2+B200`, cut to the column's 64 characters. */
export function skuSummary(items: readonly MatchItem[]): string {
  const text = items.map((i) => (i.quantity === 1 ? i.sku_code : `${i.sku_code}×${i.quantity}`)).join('+');
  return text.length > 64 ? text.slice(0, 64) : text;
}

/** The cell an operator types: codes separated by commas (or +), each with an optional `*n`, `×n` or `xn` quantity. */
export type ParsedSkuCell = { items: MatchItem[] } | { error: 'empty' | 'bad_quantity' | 'duplicate'; part: string };

export function parseSkuCell(cell: string): ParsedSkuCell {
  const parts = cell
    .split(/[,+\n;]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.length) return { error: 'empty', part: '' };
  const items: MatchItem[] = [];
  for (const part of parts) {
    // The quantity follows a * or ×, or an x set apart by a space ("A100 x 2"): a code may itself end in X2.
    const m = /^(.+?)\s*(?:[*×]\s*(\S*)|\s+[xX]\s*(\d+))$/.exec(part);
    const code = (m ? m[1]! : part).trim();
    const raw = m ? (m[2] ?? m[3])! : '1';
    if (!/^\d{1,4}$/.test(raw) || Number(raw) < 1) return { error: 'bad_quantity', part };
    const found = items.find((i) => i.sku_code === code);
    if (found) return { error: 'duplicate', part };
    items.push({ sku_code: code, quantity: Number(raw) });
  }
  return { items };
}

/** Lower case, full-width folded (NFKC), punctuation and brackets to spaces, runs of space collapsed. */
export function normaliseName(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Character bigrams of each word (a one-character word is its own token): robust to word order and spacing. */
export function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of normaliseName(text).split(' ')) {
    if (!word) continue;
    if (word.length === 1) out.add(word);
    for (let i = 0; i + 1 < word.length; i++) out.add(word.slice(i, i + 2));
  }
  return out;
}

/** Dice coefficient of two bigram sets: 1 for the same words, 0 for nothing in common. */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const g of small) if (large.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Below this a name is not offered as a suggestion: sharing a word or two of a long name is chance. */
export const MIN_SIMILARITY = 0.35;
