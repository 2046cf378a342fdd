// Reading orders (list, lines view, detail), notes, direct-trade entry and sales figures.
import type { Knex } from 'knex';
import type { DirectOrderInput, OrderFilter } from '../../../shared/api/orders.schema.ts';
import { AppError } from '../../../shared/errors.ts';
import { message, type Message } from '../../../shared/i18n.ts';
import { maskPersonalRecord, maskTextFields, namesOf } from '../../../shared/mask-record.ts';
import { selectWhereIn } from '../../db/bulk.ts';
import { isUniqueViolation, retryOnConflict } from '../../db/errors.ts';
import type { Db } from '../../db/knex.ts';
import { newId, ID_PREFIX } from '../../db/ids.ts';
import { CHANNEL_KIND_NAMES, SCREEN_ROWS } from '../../../shared/api/orders.schema.ts';
import { needsReason, seesRecipients, type Actor } from '../../domain/actor.ts';
import { fieldError } from '../../domain/validation.ts';
import { checkRecipientField } from '../../../shared/sheet/recipient-edit.ts';
import { sheetMessages } from './sheet.messages.ts';
import { fieldLabel } from '../../../shared/api/field-labels.ts';
import { historyMessages, historyReason } from './history.messages.ts';
import { ordersMessages } from './orders.messages.ts';
import * as repo from './orders.repo.ts';
import * as views from './order-views.repo.ts';
import { buildOrder, insertIntakes, type LineFields } from './intake.ts';
import { applySteps } from './transitions.service.ts';
import { accountAutomation } from '../mall-accounts/mall-accounts.repo.ts';
import { decodeCursor, encodeCursor, isPair, isString } from '../../domain/cursor.ts';
import { notePull } from './board.service.ts';

// ---- cursors ---------------------------------------------------------------------------------------------------

// ---- masking ---------------------------------------------------------------------------------------------------

/** Viewers see who and where only masked (PRODUCT.md §6.6), also inside free text; operators and admins see the data they ship with. */
function maskFor<T extends Record<string, unknown>>(actor: Actor, row: T): T {
  return seesRecipients(actor) ? row : maskPersonalRecord(row);
}

/** The parts of an order's detail, with the free text in them masked for viewers like the order's own fields. */
function maskDetailParts(actor: Actor, order: Record<string, unknown>, parts: Awaited<ReturnType<typeof repo.orderDetailParts>>) {
  if (seesRecipients(actor)) return parts;
  const names = namesOf(order);
  const mask = <R extends Record<string, unknown>>(rows: R[], fields: readonly string[]) => rows.map((r) => maskTextFields(r, fields, names));
  return {
    lines: parts.lines,
    boxes: mask(parts.boxes, ['send_error']),
    claims: mask(parts.claims, ['reason', 'mall_decision_error', 'mall_decision_reason']),
    notes: mask(parts.notes, ['body']),
    history: mask(parts.history, ['reason']),
    holds: mask(parts.holds, ['reason', 'release_reason']),
  };
}

/**
 * Viewers search products, options and mall and tracking numbers only: a search for a name or phone number would
 * tell them whose order it is although they see both masked. Their q simply does not look at those fields.
 */
const searchScope = (actor: Actor): views.SearchScope => ({ personal: seesRecipients(actor) });

// ---- reads -----------------------------------------------------------------------------------------------------

/** More than a screenful (SCREEN_ROWS) of recipients, in one call or a next page, says why (needsReason). */
function requireReasonForMany(actor: Actor, query: { limit: number; cursor?: string | undefined; reason?: string | undefined }) {
  // A next page is a read past the first screenful too: walking 100 at a time is the same download.
  if (needsReason(actor, query.limit > SCREEN_ROWS || !!query.cursor, query.reason)) {
    throw fieldError('reason', ordersMessages.reason_for_many, { max: SCREEN_ROWS }, { code: 'reason_required' });
  }
}

export async function listOrders(
  db: Db,
  actor: Actor,
  filter: OrderFilter & { cursor?: string | undefined; limit: number; reason?: string | undefined },
) {
  requireReasonForMany(actor, filter);
  const after = decodeCursor(filter.cursor, isString);
  const { rows, next } = await views.listOrders(db, filter, searchScope(actor), after, filter.limit);
  const summaries = await views.summariseLines(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((o) => ({
      ...maskFor(actor, o),
      ...(summaries.get(o.id) ?? { line_count: 0, quantity: 0, statuses: [], tracking_numbers: [] }),
    })),
    next_cursor: next ? encodeCursor(next) : null,
  };
}

/**
 * A page of the lines view. With `fields` the rows are read with those fields (and the names masking looks for),
 * for a caller that sends only those (the column-array form).
 */
export async function listLines(
  db: Db,
  actor: Actor,
  filter: OrderFilter & { cursor?: string | undefined; limit: number; fields?: readonly string[] | undefined },
) {
  const after = decodeCursor(filter.cursor, isPair);
  const couriers = await defaultCouriers(db);
  // The default courier needs the line's account and status, read too (and dropped again) when not asked for.
  const extra = couriers.size && filter.fields?.includes('courier') ? ['mall_account_id', 'status'].filter((f) => !filter.fields!.includes(f)) : [];
  const fields = filter.fields && extra.length ? [...filter.fields, ...extra] : filter.fields;
  const { rows, next } = await views.listLineView(db, filter, searchScope(actor), after, filter.limit, fields);
  if (couriers.size) fillDefaultCouriers(rows, couriers, extra);
  return { items: rows.map((r) => maskFor(actor, r)), next_cursor: next ? encodeCursor(next) : null };
}

/**
 * GET /api/order-lines: a page of the lines view as the list route answers it — more than a screenful of recipients
 * unmasked says why (requireReasonForMany). listLines itself is the unchecked read exports and pulls share.
 */
export async function listLinesForRoute(db: Db, actor: Actor, query: Parameters<typeof listLines>[2] & { reason?: string | undefined }) {
  requireReasonForMany(actor, query);
  return listLines(db, actor, query);
}

/**
 * A page of lines pulled into a sheet (the column form, with a reason when recipients go out). The first page of a
 * pull with a reason marks "new since your last pull" (현황) as seen for this user — before the read, so a line
 * collected while the pull pages on counts as new next time instead of being lost.
 */
export async function pullLines(db: Db, actor: Actor, query: Parameters<typeof listLines>[2] & { reason?: string | undefined }) {
  if (query.reason && !query.cursor) await notePull(db, actor);
  return listLines(db, actor, query);
}

/** Statuses in which a line without a box shows its account's default courier: it is still to be numbered. */
const TO_NUMBER = new Set(['PAID', 'NEW', 'READY']);

/** The accounts' default couriers (issue 13 §6), by account id. */
async function defaultCouriers(db: Db | Knex.Transaction): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const a of (await accountAutomation(db)).values()) if (a.default_courier) out.set(a.id, a.default_courier);
  return out;
}

/**
 * A line still to be numbered shows its account's default courier, so the sheet has it beside the number the
 * operator pastes and a push sends both. Fields read only for this (`extra`) are dropped again.
 */
function fillDefaultCouriers(rows: Record<string, unknown>[], couriers: Map<string, string>, extra: readonly string[]): void {
  for (const row of rows) {
    if (!row.courier && TO_NUMBER.has(String(row.status)) && 'courier' in row) {
      const courier = couriers.get(String(row.mall_account_id));
      if (courier) row.courier = courier;
    }
    for (const f of extra) delete row[f];
  }
}

/**
 * Lines-view rows of these lines (unknown ids are simply absent), masked like the lines view. A push's answer (the
 * refresh columns) shows default couriers too: the pane writes its courier cells back, and a row that lost the
 * courier it was pulled with would have its pasted number refused for want of one.
 */
export async function linesByIds(db: Db | Knex.Transaction, actor: Actor, lineIds: readonly string[], columns: views.LineViewColumns = 'all') {
  const couriers = lineIds.length ? await defaultCouriers(db) : new Map<string, string>();
  const extra = couriers.size && columns !== 'all' ? ['mall_account_id'] : [];
  const rows = await views.lineViewByIds(db, lineIds, columns, extra);
  if (couriers.size) fillDefaultCouriers(rows, couriers, extra);
  return rows.map((r) => maskFor(actor, r));
}

/** The order and box of each of these lines (box null when in none), for keeping a box's rows together on the sheet. */
export async function boxesOfLines(db: Db, lineIds: readonly string[]): Promise<{ line_id: string; order_id: string; box_id: string | null }[]> {
  const rows = await selectWhereIn(db, 'order_lines', 'id', lineIds, ['id', 'order_id', 'box_id']);
  return rows.map((r) => ({ line_id: String(r.id), order_id: String(r.order_id), box_id: typeof r.box_id === 'string' ? r.box_id : null }));
}

export async function getOrder(db: Db, actor: Actor, id: string) {
  const order = await repo.findOrder(db, id);
  if (!order) throw new AppError('not_found', 'order_not_found', message(ordersMessages.order_not_found, { id }));
  const parts = await repo.orderDetailParts(db, id);
  // Who did what, by name: the users behind the history, notes, holds and claims (ids stay in the rows).
  const ids = [
    ...parts.history.map((h) => (h.actor_type === 'user' ? h.actor_id : null)),
    ...parts.notes.map((n) => n.author_id),
    ...parts.holds.flatMap((h) => [h.held_by, h.released_by]),
    ...parts.claims.map((c) => c.created_by),
  ].filter((v): v is string => typeof v === 'string' && v !== '');
  const names = await repo.usernamesOf(db, [...new Set(ids)]);
  return { ...maskFor(actor, order), ...maskDetailParts(actor, order, parts), user_names: Object.fromEntries(names) };
}

export async function addNote(db: Db, actor: Actor, orderId: string, note: { kind: 'memo' | 'message'; body: string }) {
  if (!(await repo.findOrder(db, orderId))) {
    throw new AppError('not_found', 'order_not_found', message(ordersMessages.order_not_found, { id: orderId }));
  }
  return retryOnConflict(() =>
    db.transaction(async (trx) => {
      // Sheets show the latest memo on every row of the order: its rows must read as changed, as after a push memo.
      // Their rows are locked first, lines before the order as bulk calls and pushes lock them (working-set.ts),
      // so a memo and a push on the same order queue up instead of deadlocking.
      if (note.kind === 'memo') await repo.lockOrderAndLines(trx, orderId);
      const created = await repo.insertNote(trx, { order_id: orderId, kind: note.kind, body: note.body, author_id: actor.id });
      if (note.kind === 'memo') await repo.touchOrderAndLines(trx, orderId);
      return created;
    }),
  );
}

export const salesSummary = repo.salesByDayAndChannel;

// ---- direct trade / wholesale ------------------------------------------------------------------------------------

const CONTACT_RULES = [
  ['orderer_phone', 'recipient_phone'],
  ['recipient_phone', 'recipient_phone'],
  ['recipient_mobile', 'recipient_mobile'],
  ['recipient_zip', 'recipient_zip'],
] as const;

/**
 * A direct order's phones and zip as stored (phones hyphenated, the zip 5 digits; empty ones null), checked by the
 * rule the sheet's recipient cells and order files follow: a phone that is no Korean number is refused naming it.
 */
function directContacts(input: DirectOrderInput): Record<(typeof CONTACT_RULES)[number][0], string | null> {
  const out = { orderer_phone: null, recipient_phone: null, recipient_mobile: null, recipient_zip: null } as Record<
    (typeof CONTACT_RULES)[number][0],
    string | null
  >;
  for (const [field, rule] of CONTACT_RULES) {
    const checked = checkRecipientField(rule, input[field] ?? '');
    if ('problem' in checked)
      throw fieldError(field, sheetMessages[checked.problem.code], { column: fieldLabel(field) }, { code: checked.problem.code });
    out[field] = checked.value;
  }
  return out;
}

/**
 * Orders for channels without an API (seed 004): only the orderer and the total price are required; a quantity
 * creates that many identical lines at once. The order comes in NEW; with a tracking number the engine then
 * releases it, numbers its box and ships it, in the same transaction, so courier, number and duplicate are checked
 * by the rules every other order follows, and a refusal creates nothing.
 */
export async function createDirectOrder(db: Db, actor: Actor, input: DirectOrderInput) {
  if (input.channel_kind === 'named' && !input.channel_name) {
    throw fieldError('channel_name', ordersMessages.named_channel_needs_name);
  }
  const channelName = input.channel_name ?? CHANNEL_KIND_NAMES[input.channel_kind as 'direct' | 'store_release'].ko;
  const shipped = input.tracking_number !== undefined || !!input.courier;
  // A number alone says nothing of who carries it. (A courier alone is DIRECT, 업체직송, or a missing number: the engine tells.)
  if (shipped && !input.courier) throw fieldError('courier', ordersMessages.courier_needs_tracking);

  const contact = directContacts(input);

  const quantity = input.quantity;
  // Whole won per line; the won that do not divide evenly go to the first lines.
  const base = Math.floor(input.total_amount / quantity);
  const extra = input.total_amount - base * quantity;
  const productName = input.product_name ?? channelName;
  const lines: LineFields[] = Array.from({ length: quantity }, (_, i) => ({
    product_name: productName,
    option_text: input.option_text ?? null,
    quantity: 1,
    unit_price: base + (i < extra ? 1 : 0),
    amount: base + (i < extra ? 1 : 0),
    status: 'NEW',
  }));
  const orderedAt = input.ordered_at ? new Date(input.ordered_at).toISOString() : undefined;

  // Two calls racing for one number both find no holder; the unique index refuses the later box, and its next run
  // finds the winner's box and is refused as duplicate_tracking_number like any other duplicate.
  // What the number's checks had to say (a CJ number whose check digit does not match is taken, with a warning).
  let warnings: Message[] = [];
  const orderId = await retryOnConflict(
    () =>
      db.transaction(async (trx) => {
        const now = new Date().toISOString();
        const batchId = newId(ID_PREFIX.batch);
        // A stored Message: the order detail says it in the reader's language.
        const reason = historyReason(shipped ? historyMessages.direct_order_shipped : historyMessages.direct_order);
        const intake = buildOrder(
          {
            source: 'direct',
            channel_kind: input.channel_kind,
            channel_name: channelName,
            orderer_name: input.orderer_name,
            orderer_phone: contact.orderer_phone,
            recipient_name: input.recipient_name ?? input.orderer_name,
            recipient_phone: contact.recipient_phone ?? contact.orderer_phone,
            recipient_mobile: contact.recipient_mobile,
            recipient_zip: contact.recipient_zip,
            recipient_address1: input.recipient_address1 ?? null,
            recipient_address2: input.recipient_address2 ?? null,
            delivery_memo: input.delivery_memo ?? null,
            ordered_at: orderedAt ?? now,
            paid_at: orderedAt ?? now,
            total_amount: input.total_amount,
            created_by: actor.id,
          },
          lines,
          { action: 'create_direct', actor, batchId, reason },
          now,
        );
        // A trade entered as shipped is past release: an unknown product does not hold it back (matches still apply).
        await insertIntakes(trx, [intake], { flagUnmatched: !shipped });
        if (input.memo) await repo.insertNote(trx, { order_id: intake.order.id, kind: 'memo', body: input.memo, author_id: actor.id });
        if (shipped) {
          const number = { courier: input.courier, tracking_number: input.tracking_number ?? '', reason };
          const steps = [
            { action: 'release' as const, params: { reason } },
            { action: 'set_invoice' as const, params: number },
            { action: 'ship' as const, params: { reason } },
          ];
          ({ warnings } = await applySteps(trx, actor, { id: intake.order.id, version: 1 }, steps, { batchId, now }));
        }
        return intake.order.id;
      }),
    { also: isUniqueViolation },
  );
  const created = await getOrder(db, actor, orderId);
  return warnings.length ? { ...created, warnings } : created;
}
