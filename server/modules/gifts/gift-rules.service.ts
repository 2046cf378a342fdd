// Gift rules (사은품 규칙): listing, writing and deleting them. SKUs come by the seller's codes and are kept by id;
// an unknown code is refused naming the field. A rule that has added gift lines cannot be deleted (the lines name
// it): it is set inactive instead. Writes check the rule's version and go to the audit log.
import type { z } from 'zod';
import type { giftRuleBody, giftRulePatchBody, GiftRuleView } from '../../../shared/api/gifts.schema.ts';
import { AppError } from '../../../shared/errors.ts';
import { message } from '../../../shared/i18n.ts';
import type { Db } from '../../db/knex.ts';
import { newId, ID_PREFIX } from '../../db/ids.ts';
import type { Actor, RequestInfo } from '../../domain/actor.ts';
import { fieldError } from '../../domain/validation.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { ruleHasGiftLines } from '../orders/gift-orders.repo.ts';
import { giftsMessages as m } from './gifts.messages.ts';
import * as repo from './gifts.repo.ts';

type Body = z.output<typeof giftRuleBody>;
type Patch = z.output<typeof giftRulePatchBody>;

/** A time as ISO text: PostgreSQL hands timestamps back as Dates, SQLite as the text written. */
export const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

function view(r: repo.RuleRecord): GiftRuleView {
  const { sku_ids: _skus, gift_sku_id: _gift, gift_sku_option: _option, created_by: _by, ...rest } = r;
  return { ...rest, created_at: iso(r.created_at), updated_at: iso(r.updated_at) } as GiftRuleView;
}

export async function listRules(db: Db): Promise<{ items: GiftRuleView[] }> {
  return { items: (await repo.listRules(db)).map(view) };
}

async function findOrFail(db: Db, id: string): Promise<repo.RuleRecord> {
  const [rule] = await repo.listRules(db, [id]);
  if (!rule) throw new AppError('not_found', 'rule_not_found', message(m.rule_not_found, { id }));
  return rule;
}

/** The stored columns of a (partial) body: codes resolved to SKU ids, each unknown code refused by its field. */
async function columnsOf(db: Db, body: Partial<Body>): Promise<Partial<repo.RuleColumns>> {
  const { sku_codes, gift_sku_code, ...rest } = body;
  const out: Partial<repo.RuleColumns> = { ...rest };
  const codes = [...(sku_codes ?? []), ...(gift_sku_code ? [gift_sku_code] : [])];
  const ids = await repo.skusByCode(db, codes);
  if (sku_codes) {
    const unknown = sku_codes.find((c) => !ids.has(c));
    if (unknown) throw fieldError('sku_codes', m.unknown_sku, { code: unknown });
    out.sku_ids = [...new Set(sku_codes.map((c) => ids.get(c)!))];
  }
  if (gift_sku_code !== undefined) {
    if (!ids.has(gift_sku_code)) throw fieldError('gift_sku_code', m.unknown_sku, { code: gift_sku_code });
    out.gift_sku_id = ids.get(gift_sku_code)!;
  }
  return out;
}

function checkPeriod(from: string | null | undefined, to: string | null | undefined): void {
  if (from && to && from > to) throw fieldError('period_to', m.period_reversed);
}

export async function createRule(db: Db, actor: Actor, info: Partial<RequestInfo>, body: Body): Promise<GiftRuleView> {
  checkPeriod(body.period_from, body.period_to);
  const columns = (await columnsOf(db, body)) as repo.RuleColumns;
  const id = newId(ID_PREFIX.giftRule);
  await repo.insertRule(db, { ...columns, id, created_by: actor.id, created_at: new Date().toISOString() });
  await writeAudit(db, actor, info, { action: 'gift_rule_created', entity: 'gift_rule', entityId: id });
  return view(await findOrFail(db, id));
}

export async function updateRule(db: Db, actor: Actor, info: Partial<RequestInfo>, id: string, patch: Patch): Promise<GiftRuleView> {
  const { version, ...body } = patch;
  const before = await findOrFail(db, id);
  checkPeriod(
    body.period_from !== undefined ? body.period_from : before.period_from,
    body.period_to !== undefined ? body.period_to : before.period_to,
  );
  const columns = await columnsOf(db, body);
  if (!(await repo.updateRule(db, id, version, columns, new Date().toISOString()))) {
    throw new AppError('conflict', 'stale_version', message(m.stale_rule, { current: (await findOrFail(db, id)).version }));
  }
  await writeAudit(db, actor, info, { action: 'gift_rule_updated', entity: 'gift_rule', entityId: id });
  return view(await findOrFail(db, id));
}

export async function deleteRule(db: Db, actor: Actor, info: Partial<RequestInfo>, id: string, version: number): Promise<void> {
  // The rule locked before its gift lines are counted: an apply adding one (it reads the rule for share) either
  // finishes first and is counted, or waits and finds the rule gone — never a foreign-key failure (500) here.
  await db.transaction(async (trx) => {
    const [before] = await repo.listRules(trx, [id], 'update');
    if (!before) throw new AppError('not_found', 'rule_not_found', message(m.rule_not_found, { id }));
    if (await ruleHasGiftLines(trx, id)) throw new AppError('conflict', 'rule_in_use', message(m.rule_in_use));
    if (!(await repo.deleteRule(trx, id, version))) {
      throw new AppError('conflict', 'stale_version', message(m.stale_rule, { current: before.version }));
    }
    await writeAudit(trx, actor, info, { action: 'gift_rule_deleted', entity: 'gift_rule', entityId: id });
  });
}
