// The gifts tab's state: the rules (read when the tab opens), and the last preview, which apply sends as it was
// read (with the orders' versions: an order changed since is refused by the server, naming it).
import { useState } from 'react';
import type { GiftPreviewResponse, GiftRuleBody, GiftRuleView } from '../../../../shared/api/gifts.schema.ts';
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import {
  applyGifts,
  createGiftRule,
  deleteGiftRule,
  listGiftBatches,
  listGiftRules,
  previewGifts,
  undoGiftBatch,
  updateGiftRule,
} from '../../api/gifts.ts';
import { errorText, said, useWork } from '../work.tsx';
import { giftMessages as m } from './gift-messages.ts';
import { GIFT_SHEET, writeGiftSheet } from './gift-sheet.ts';

export function useGifts(api: Api, lang: Lang) {
  const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
  const work = useWork(lang);
  const [rules, setRules] = useState<GiftRuleView[] | null>(null);
  const [preview, setPreview] = useState<GiftPreviewResponse | null>(null);
  /** The apply the sheet shows (until the next preview): its undo says so on the same rows. */
  const [applied, setApplied] = useState<{ batchId: string; items: GiftPreviewResponse['items']; orders: ReadonlySet<string> } | null>(null);

  const load = async () => {
    try {
      setRules((await listGiftRules(api)).items);
    } catch (error) {
      work.setNotice({ intent: 'error', text: errorText(error, lang) });
    }
  };

  const save = (body: GiftRuleBody) =>
    work.run(async () => {
      const rule = await createGiftRule(api, body);
      await load();
      return said(m.gf_saved, { name: rule.name });
    });

  const toggle = (rule: GiftRuleView) =>
    work.run(async () => {
      const changed = await updateGiftRule(api, rule.id, { version: rule.version, active: !rule.active });
      setRules((list) => (list ?? []).map((r) => (r.id === changed.id ? changed : r)));
      return said(m.gf_saved, { name: changed.name });
    });

  const remove = (rule: GiftRuleView) =>
    work.run(async () => {
      await deleteGiftRule(api, rule.id, rule.version);
      await load();
      return said(m.gf_deleted);
    });

  const runPreview = () =>
    work.run(async (step) => {
      step(t('gf_previewing'));
      const p = await previewGifts(api, {});
      setPreview(p);
      setApplied(null);
      await writeGiftSheet(p.items, lang);
      if (!p.orders) return { intent: 'info', text: said(m.gf_nothing) };
      return said(m.gf_previewed, { sheet: GIFT_SHEET, orders: p.orders, lines: p.lines });
    });

  const apply = () =>
    work.run(async (step) => {
      if (!preview?.items.length) return { intent: 'info', text: said(m.gf_nothing) };
      step(t('gf_applying'), undefined, false);
      const items = preview.items.map((i) => ({ order_id: i.order_id, version: i.version, rule_ids: i.gifts.map((g) => g.rule_id) }));
      const out = await applyGifts(api, { items });
      const orders = new Set(out.items.map((i) => i.order_id));
      await writeGiftSheet(preview.items, lang, { orders, say: 'gf_result_added' });
      setPreview(null);
      setApplied({ batchId: out.batch_id, items: preview.items, orders });
      return said(m.gf_applied, { orders: out.orders, lines: out.lines });
    });

  /** Undoes the latest apply, when it is not undone yet. */
  const undoLast = () =>
    work.run(async (step) => {
      const [last] = (await listGiftBatches(api, { limit: 1 })).items;
      if (!last || last.undone_at) return { intent: 'info', text: said(m.gf_no_batch) };
      step(t('gf_undoing'), undefined, false);
      const out = await undoGiftBatch(api, last.id);
      // The sheet's 추가됨 would say the gifts are still there; another operator's apply leaves this sheet alone.
      if (applied?.batchId === out.batch_id) {
        await writeGiftSheet(applied.items, lang, { orders: applied.orders, say: 'gf_result_undone' });
        setApplied(null);
      }
      return said(m.gf_undone, { orders: out.orders, lines: out.lines });
    });

  return { work, rules, preview, load, save, toggle, remove, runPreview, apply, undoLast };
}
