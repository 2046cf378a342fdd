// Mapped rows of an order sheet → orders, decided without the database: each row's problems, the grouping of rows
// into orders (one per buyer + recipient + address, and the file's order number when the template has one), the
// lines each row makes (quantities as in direct trade: a quantity of 3 is three lines of 1, the amount split in
// whole won) and duplicates inside the file. Duplicates against stored orders are the service's (it reads them).
import { AppError } from '../../../../shared/errors.ts';
import { cellIssueMessage } from '../../../../shared/files/cell-messages.ts';
import type { FieldValues, MappedRow } from '../../../../shared/files/map-rows.ts';
import type { Template } from '../../../../shared/files/templates.ts';
import { message, type Message } from '../../../../shared/i18n.ts';
import { DB_INT_MAX } from '../../../../shared/api/common.schema.ts';
import { UPLOAD_CHANNEL_KINDS } from '../../../../shared/api/order-uploads.schema.ts';
import type { LineFields, OrderFields } from '../intake.ts';
import { CHANNEL_KIND_NAMES } from '../../../../shared/api/orders.schema.ts';
import { uploadMessages } from './order-uploads.messages.ts';

/** Lines one upload may make (a unit is a line): as many as a bulk call takes; a bigger file is split. */
export const MAX_UPLOAD_LINES = 50_000;

/** A direct order's quantity cap (shared/api/orders.schema.ts directOrderBody): each unit is a line of its own. */
export const MAX_ROW_QUANTITY = 10_000;

export type RowPlan = {
  row: number;
  result: 'ok' | 'invalid' | 'duplicate';
  order: number | null;
  reasons: Message[];
  notes: Message[];
  duplicate_of: string | null;
};

export type OrderPlan = {
  /** 1, 2, … in file order. */
  order: number;
  rows: RowPlan[];
  channelName: string;
  mallOrderId: string | null;
  fields: Omit<OrderFields, 'created_by'>;
  lines: LineFields[];
  memo: string | null;
};

export type UploadPlan = { rows: RowPlan[]; orders: OrderPlan[] };

/** Won as the reasons write them: 3,000,000,000. */
const won = (n: number) => n.toLocaleString('en-US');
const text = (v: FieldValues[keyof FieldValues]): string | null => (v === null || v === undefined || v === '' ? null : String(v));
const num = (v: FieldValues[keyof FieldValues]): number | null => (typeof v === 'number' ? v : null);

/** The column a field is read from, as the template first spells it (for reasons about fields mapRows did not flag). */
const columnOf = (template: Template, field: string) => template.columns.find((c) => c.field === field)?.headers[0] ?? field;

/** Problems of one row beyond its cells': what an order needs, whatever the template marks as required. */
function rowReasons(m: MappedRow, template: Template): Message[] {
  const reasons = m.issues.map((issue) => cellIssueMessage(issue));
  const flagged = new Set(m.issues.map((i) => i.field));
  const v = m.values;
  // A template without a quantity column means one of each row; with one, an empty cell is already 'required'.
  for (const field of ['recipient_name', 'product_name'] as const) {
    if (!flagged.has(field) && text(v[field]) === null) reasons.push(message(uploadMessages.required, { column: columnOf(template, field) }));
  }
  const quantity = num(v.quantity);
  if (quantity !== null && quantity > MAX_ROW_QUANTITY) {
    reasons.push(message(uploadMessages.quantity_above_direct, { column: columnOf(template, 'quantity'), max: MAX_ROW_QUANTITY, value: quantity }));
  }
  // Money is integer won in a 32-bit column (PostgreSQL refused 3,000,000,000 with a 500 at the apply). A row
  // without an amount is its unit price × quantity, named by the unit price's column.
  const unitPrice = num(v.unit_price);
  const amount: [string, number] =
    num(v.amount) !== null ? ['amount', num(v.amount)!] : ['unit_price', unitPrice !== null ? unitPrice * (quantity ?? 1) : 0];
  for (const [field, value] of [amount, ['shipping_fee', num(v.shipping_fee) ?? 0] as [string, number]]) {
    if (value > DB_INT_MAX)
      reasons.push(message(uploadMessages.amount_too_large, { column: columnOf(template, field), max: won(DB_INT_MAX), value: won(value) }));
  }
  const kind = text(v.channel_kind) ?? 'direct';
  if (!(UPLOAD_CHANNEL_KINDS as readonly string[]).includes(kind)) reasons.push(message(uploadMessages.unknown_channel_kind, { value: kind }));
  else if (kind === 'named' && text(v.channel_name) === null) reasons.push(message(uploadMessages.named_channel_needs_name));
  return reasons;
}

function channelOf(v: FieldValues): { kind: string; name: string } {
  const kind = text(v.channel_kind) ?? 'direct';
  const fallback = kind in CHANNEL_KIND_NAMES ? CHANNEL_KIND_NAMES[kind as keyof typeof CHANNEL_KIND_NAMES].ko : kind;
  return { kind, name: text(v.channel_name) ?? fallback };
}

/** Rows of one order share this key: buyer (channel, orderer), recipient, address and the file's order number. */
function groupKey(v: FieldValues): string {
  const { kind, name } = channelOf(v);
  const fields = ['orderer_name', 'orderer_phone', 'recipient_name', 'recipient_mobile', 'recipient_phone', 'recipient_zip'] as const;
  const address = ['recipient_address1', 'recipient_address2'] as const;
  // Addresses are compared without their spacing: a sheet typed by hand spaces the same address differently.
  return JSON.stringify([
    kind,
    name,
    ...fields.map((f) => text(v[f])),
    ...address.map((f) => text(v[f])?.replace(/\s+/g, '')),
    text(v.mall_order_id),
  ]);
}

/** A row's lines: its quantity as that many lines of 1, its amount (or unit price × quantity) split in whole won. */
function linesOf(v: FieldValues): LineFields[] {
  const quantity = num(v.quantity) ?? 1;
  const unitPrice = num(v.unit_price);
  const total = num(v.amount) ?? (unitPrice !== null ? unitPrice * quantity : 0);
  const base = Math.floor(total / quantity);
  const extra = total - base * quantity;
  return Array.from({ length: quantity }, (_, i) => ({
    product_name: text(v.product_name) ?? '',
    option_text: text(v.option_text),
    // The channel's own product code as the file gives it; matching to our products (sku_code) comes with the catalogue.
    mall_product_id: text(v.product_code),
    quantity: 1,
    unit_price: base + (i < extra ? 1 : 0),
    amount: base + (i < extra ? 1 : 0),
    status: 'NEW',
  }));
}

/** A sheet date (YYYY-MM-DD) is a Korean calendar day: the order is placed at its start, KST. */
const orderedAt = (day: string | null): string | null => (day ? new Date(`${day}T00:00:00+09:00`).toISOString() : null);

function orderOf(
  rows: readonly MappedRow[],
  ok: ReadonlySet<MappedRow>,
  now: string,
): Pick<OrderPlan, 'fields' | 'lines' | 'memo' | 'channelName' | 'mallOrderId'> {
  const v = rows[0]!.values;
  const { kind, name } = channelOf(v);
  // Only rows without problems of their own make lines: a refused row's quantity may be anything.
  const lines = rows.flatMap((r) => (ok.has(r) ? linesOf(r.values) : []));
  // Sheets repeat an order's shipping fee on each of its rows: the order pays it once.
  const shippingFee = Math.max(0, ...rows.map((r) => num(r.values.shipping_fee) ?? 0));
  const memos = [...new Set(rows.map((r) => text(r.values.memo)).filter((m): m is string => m !== null))];
  const at = orderedAt(text(v.order_date)) ?? now;
  return {
    channelName: name,
    mallOrderId: text(v.mall_order_id),
    lines,
    memo: memos.length ? memos.join('\n') : null,
    fields: {
      source: 'direct',
      mall_order_id: text(v.mall_order_id),
      channel_kind: kind,
      channel_name: name,
      // A wholesale sheet often names only who receives the goods: the recipient then ordered them.
      orderer_name: text(v.orderer_name) ?? text(v.recipient_name) ?? name,
      orderer_phone: text(v.orderer_phone),
      recipient_name: text(v.recipient_name),
      recipient_mobile: text(v.recipient_mobile),
      recipient_phone: text(v.recipient_phone),
      recipient_zip: text(v.recipient_zip),
      recipient_address1: text(v.recipient_address1),
      recipient_address2: text(v.recipient_address2),
      delivery_memo: text(v.delivery_memo),
      ordered_at: at,
      paid_at: at,
      total_amount: lines.reduce((sum, l) => sum + l.amount, 0) + shippingFee,
      shipping_fee: shippingFee,
    },
  };
}

export function planUpload(mapped: readonly MappedRow[], template: Template, now: string): UploadPlan {
  const groups = new Map<string, MappedRow[]>();
  const plans = new Map<MappedRow, RowPlan>();
  for (const m of mapped) {
    const reasons = rowReasons(m, template);
    const product = text(m.values.product_name);
    plans.set(m, {
      row: m.row,
      result: reasons.length ? 'invalid' : 'ok',
      order: null,
      reasons,
      notes: product ? [message(uploadMessages.product_unchecked, { product })] : [],
      duplicate_of: null,
    });
    const key = groupKey(m.values);
    const group = groups.get(key);
    if (group) group.push(m);
    else groups.set(key, [m]);
  }

  const ok = new Set(mapped.filter((m) => plans.get(m)!.result === 'ok'));
  const lineCount = [...ok].reduce((sum, m) => sum + (num(m.values.quantity) ?? 1), 0);
  if (lineCount > MAX_UPLOAD_LINES) {
    throw new AppError('invalid_data', 'too_many_lines', message(uploadMessages.too_many_lines, { lines: lineCount, max: MAX_UPLOAD_LINES }));
  }

  const orders: OrderPlan[] = [];
  const numbers = new Map<string, number>(); // channel + order number → first row that has it
  for (const rows of groups.values()) {
    const order = orders.length + 1;
    const rowPlans = rows.map((r) => plans.get(r)!);
    for (const p of rowPlans) p.order = order;
    // An order is registered whole or not at all: a bad line keeps its siblings out too.
    const bad = rowPlans.filter((p) => p.result !== 'ok').map((p) => p.row);
    if (bad.length) {
      for (const p of rowPlans) if (p.result === 'ok') p.reasons.push(message(uploadMessages.order_has_invalid_rows, { rows: bad.join(', ') }));
      for (const p of rowPlans) p.result = 'invalid';
    }
    const plan = { order, rows: rowPlans, ...orderOf(rows, ok, now) };
    const total = plan.fields.total_amount;
    if (total > DB_INT_MAX) {
      const why = message(uploadMessages.order_total_too_large, { max: won(DB_INT_MAX), value: won(total) });
      for (const p of rowPlans) {
        p.result = 'invalid';
        p.reasons.push(why);
      }
    }
    if (plan.mallOrderId !== null) {
      const key = JSON.stringify([plan.channelName, plan.mallOrderId]);
      const first = numbers.get(key);
      if (first !== undefined) {
        for (const p of rowPlans) {
          if (p.result === 'ok') p.result = 'duplicate';
          p.reasons.push(message(uploadMessages.duplicate_in_file, { mall_order_id: plan.mallOrderId, row: first }));
        }
      } else numbers.set(key, rows[0]!.row);
    }
    orders.push(plan);
  }
  return { rows: mapped.map((m) => plans.get(m)!), orders };
}

/** Marks an order's rows as duplicates of a stored order with the same number for the channel. */
export function markExisting(plan: OrderPlan, existingOrderId: string): void {
  for (const p of plan.rows) {
    // An invalid row stays invalid: it is refused for that first, and its duplicate is said beside it.
    if (p.result === 'ok') p.result = 'duplicate';
    p.duplicate_of = existingOrderId;
    p.reasons.push(
      message(uploadMessages.duplicate_existing, { mall_order_id: plan.mallOrderId ?? '', channel: plan.channelName, order_id: existingOrderId }),
    );
  }
}

export const registrable = (plan: OrderPlan) => plan.rows.every((r) => r.result === 'ok');
