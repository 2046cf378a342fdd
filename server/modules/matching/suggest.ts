// Suggested SKUs for an unmatched product + option: the SKU whose code or barcode is the mall's product or option
// code, else the SKUs whose name + option read closest (shared/matching.ts). Only offered: the operator decides.
import type { Knex } from 'knex';
import type { Suggestion } from '../../../shared/api/matching.schema.ts';
import { bigrams, MIN_SIMILARITY, similarity } from '../../../shared/matching.ts';
import type { UnmatchedGroupRow } from '../orders/line-matches.repo.ts';
import { allSkus, skusByCodeOrBarcode } from './matching.repo.ts';

/** Name suggestions compare against this many SKUs at most: beyond it only codes are suggested. */
const MAX_SKUS_COMPARED = 20_000;
const PER_GROUP = 3;

export async function suggestionsFor(db: Knex | Knex.Transaction, groups: readonly UnmatchedGroupRow[]): Promise<Suggestion[][]> {
  if (!groups.length) return [];
  const codesOf = (g: UnmatchedGroupRow) => [g.mall_option_id, g.mall_product_id].filter((c): c is string => !!c);
  const byValue = new Map<string, Suggestion>();
  for (const s of await skusByCodeOrBarcode(db, groups.flatMap(codesOf))) {
    byValue.set(s.value, { sku_code: s.code, sku_name: s.name, option_text: s.option_text, reason: 'same_code', score: 1 });
  }
  const needNames = groups.some((g) => !codesOf(g).some((c) => byValue.has(c)));
  const skus = needNames ? await allSkus(db, MAX_SKUS_COMPARED) : [];
  const skuGrams = skus.map((s) => bigrams(`${s.name} ${s.option_text ?? ''}`));
  return groups.map((g) => {
    // The option code names the exact item; the product code only the product.
    const same = codesOf(g)
      .map((c) => byValue.get(c))
      .find(Boolean);
    if (same) return [same];
    const mall = bigrams(`${g.product_name} ${g.option_text ?? ''}`);
    const scored: Suggestion[] = [];
    skus.forEach((s, i) => {
      const score = similarity(mall, skuGrams[i]!);
      if (score >= MIN_SIMILARITY) {
        scored.push({
          sku_code: s.code,
          sku_name: s.name,
          option_text: s.option_text,
          reason: 'similar_name',
          score: Math.round(score * 1000) / 1000,
        });
      }
    });
    return scored.sort((a, b) => b.score - a.score || a.sku_code.localeCompare(b.sku_code)).slice(0, PER_GROUP);
  });
}
