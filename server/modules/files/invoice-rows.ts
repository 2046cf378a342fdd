// One sheet row of an invoice import at a time, on the import's WorkingSet: which box it names, what it would
// change (new / overwrite old → new / unchanged), and then the change itself through the transition engine
// (set_invoice: READY → INVOICED at first entry), all or nothing per row. Overwrite is the operator's switch and
// only for boxes in INVOICED or SHIPPED; a box already sent to the mall is sent again with its new number.
import type { ImportOutcome, ImportRowResult } from '../../../shared/api/file-imports.schema.ts';
import type { InvoiceReference } from '../../../shared/files/templates.ts';
import { message, storedText, type MessageParams, type Text } from '../../../shared/i18n.ts';
import { STATUS_LABELS, type Status } from '../../../shared/lifecycle.ts';
import { Refusal, type Engine } from '../orders/transition-engine.ts';
import type { WorkingSet } from '../orders/working-set.ts';
import type { BoxRow, LineRow } from '../orders/working-set.repo.ts';
import { fileImportsMessages as m } from './file-imports.messages.ts';
import { isOrderKey, type Resolved } from '../orders/line-references.repo.ts';
import { jsonArrayInSlices } from '../../db/turns.ts';
import { packText, unpackText } from '../../db/packed-text.ts';

/** A sheet row as read through the template. */
export type ImportRow = {
  row: number;
  reference: string | null;
  courier: string | null;
  /** As the cell gave it (the engine cleans and checks it). */
  number: string | null;
  /** The number as it is stored for the row's courier (storedNumber), null when it is not a valid one for it. */
  stored: string | null;
  /** The first cell problem, already a message. */
  issue?: { code: string; message: Text };
};

/** A row's result as the import gives it: ImportRowResult with its message and warnings unrendered (the edge renders them). */
export type RowResult = Omit<ImportRowResult, 'message' | 'warnings'> & { message?: Text; warnings?: Text[] };

/** What undo needs of a changed box. */
export type Changed = {
  row: number;
  box_id: string;
  old_courier: string | null;
  old_tracking_number: string | null;
  old_send_status: string | null;
  old_sent_at: string | null;
  lines: { id: string; status: string }[];
};

const OVERWRITABLE: readonly string[] = ['INVOICED', 'SHIPPED'];

class RowRefusal {
  constructor(
    readonly code: string,
    readonly message: Text,
  ) {}
}
const refuse = (code: keyof typeof m, params: MessageParams = {}) => new RowRefusal(code, message(m[code], params));

export class InvoiceRows {
  readonly changed: Changed[] = [];

  constructor(
    private readonly engine: Engine,
    private readonly set: WorkingSet,
    private readonly reference: InvoiceReference,
    private readonly referenceColumn: string,
    private readonly resolved: Resolved,
    private readonly overwrite: boolean,
    private readonly reason: string,
  ) {}

  /**
   * `blocked`: a refusal decided before (rows of the file that disagree with each other). The row's result object is
   * filled in as the row goes (50,000 rows: no copy per step).
   */
  apply(r: ImportRow, blocked?: RowRefusal): RowResult {
    const result = resultOf(r, 'refused');
    const checkpoint = this.set.checkpoint();
    try {
      if (r.issue) throw new RowRefusal(r.issue.code, r.issue.message);
      if (blocked) throw blocked;
      const lines = this.linesOf(r);
      const box = this.boxOf(lines);
      result.box_id = box?.id ?? null;
      result.old_courier = box?.tracking_number ? box.courier : null;
      result.old_tracking_number = box?.tracking_number ?? null;
      if (!r.courier) throw refuse('courier_missing');
      if (box && box.courier === r.courier && box.tracking_number === result.tracking_number) return outcome(result, 'unchanged');
      const before = this.snapshot(lines, box);
      let kind: ImportOutcome = 'new';
      if (box?.tracking_number) {
        kind = 'overwrite';
        if (!this.overwrite) throw refuse('overwrite_off', { current: box.tracking_number });
        const status = this.set.linesOfBox(box.id).find((l) => !OVERWRITABLE.includes(l.status))?.status;
        if (status) throw refuse('overwrite_status', { status_label: STATUS_LABELS[status as Status] ?? status });
        // The mall has the old number: the box goes back to not sent, so the next send (운송장전송) sends the new one.
        if (box.send_status === 'sent') {
          result.resend = true;
          this.set.patchBox(box, { send_status: 'not_sent', send_error: null });
        }
      }
      const order = this.set.orders.get(lines[0]!.order_id)!;
      const params = { courier: r.courier, tracking_number: r.number ?? '', overwrite: true, reason: this.reason };
      // A mall order number names the whole order; a box key or a mall line number one line (its box moves whole);
      // an order key (a booking row of lines without a box yet) each of those lines, which then share one box.
      let changed: boolean;
      let warnings: Text[];
      if (this.reference === 'mall_order_id' || !(r.reference && isOrderKey(r.reference))) {
        const done = this.engine.apply({ line: this.reference === 'mall_order_id' ? null : lines[0]!, order }, 'set_invoice', params);
        changed = done.changed;
        warnings = done.warnings;
      } else {
        const done = lines.map((line) => this.engine.apply({ line, order }, 'set_invoice', params));
        changed = done.some((d) => d.changed);
        warnings = done.flatMap((d) => d.warnings);
      }
      const after = this.set.lines.get(lines[0]!.id)!.box_id;
      this.set.commit();
      if (!changed || !after) return outcome(result, 'unchanged');
      this.changed.push({ row: r.row, box_id: after, ...before });
      result.box_id = after;
      if (warnings.length) result.warnings = warnings;
      return outcome(result, kind);
    } catch (error) {
      const refusal = error instanceof Refusal ? new RowRefusal(error.code, this.engine.describe(error)) : error;
      if (!(refusal instanceof RowRefusal)) throw error;
      this.set.rollback(checkpoint);
      result.code = refusal.code;
      result.message = refusal.message;
      return outcome(result, 'refused');
    }
  }

  private linesOf(r: ImportRow): LineRow[] {
    const found = r.reference ? this.resolved.get(r.reference) : undefined;
    const ids = found?.lineIds ?? [];
    const one = ids.length === 1 ? this.set.lines.get(ids[0]!) : undefined;
    const lines = one ? [one] : ids.map((id) => this.set.lines.get(id)).filter((l): l is LineRow => !!l);
    if (!lines.length) {
      // Digits where our key belongs: the file carries the mall's order number, not what our booking file sent.
      const digits = this.reference === 'box_key' && /^\d+$/.test(r.reference ?? '');
      throw refuse(digits ? 'box_key_expected' : 'box_not_found', { column: this.referenceColumn, value: r.reference ?? '' });
    }
    if (found && found.orderIds.size > 1 && this.reference === 'mall_order_id') {
      throw refuse('ambiguous_order', { value: r.reference ?? '', count: found.orderIds.size });
    }
    return lines.length > 1 ? lines.sort((a, b) => a.line_no - b.line_no) : lines;
  }

  /** The box the row's lines are in: the one with a number when an order's lines are spread over several. */
  private boxOf(lines: LineRow[]): BoxRow | undefined {
    if (lines.length === 1) return lines[0]!.box_id ? this.set.boxes.get(lines[0]!.box_id)! : undefined;
    const boxes = [...new Set(lines.map((l) => l.box_id).filter((id): id is string => !!id))].map((id) => this.set.boxes.get(id)!);
    return boxes.find((b) => b.tracking_number) ?? boxes[0];
  }

  private snapshot(lines: LineRow[], box: BoxRow | undefined): Omit<Changed, 'row' | 'box_id'> {
    const inBox = box ? this.set.linesOfBox(box.id) : [];
    // Mostly a box holds exactly the row's one line: no merging needed.
    const same = lines.length === 1 && (inBox.length === 0 || (inBox.length === 1 && inBox[0] === lines[0]));
    const all = same ? lines : [...new Map([...lines, ...inBox].map((l) => [l.id, l])).values()];
    return {
      old_courier: box?.courier ?? null,
      old_tracking_number: box?.tracking_number ?? null,
      old_send_status: box?.send_status ?? null,
      old_sent_at: box?.sent_at ?? null,
      lines: all.map((l) => ({ id: l.id, status: l.status })),
    };
  }
}

/**
 * Rows of one file that disagree: several rows for one reference with different numbers (all refused), the same
 * again (the later ones unchanged), one number for several references (all refused). Keyed by sheet row.
 */
export function crossCheck(rows: readonly ImportRow[]): { refused: Map<number, RowRefusal>; repeats: Map<number, number> } {
  const refused = new Map<number, RowRefusal>();
  const repeats = new Map<number, number>();
  const usable = rows.filter((r) => !r.issue && r.reference && r.courier && r.number);
  const numberOf = (r: ImportRow) => r.stored ?? r.number!;
  for (const group of repeated(usable, (r) => r.reference!)) {
    const distinct = new Set(group.map((r) => `${r.courier}:${numberOf(r)}`));
    if (distinct.size > 1) {
      for (const r of group) {
        const others = group.filter((o) => o !== r).map((o) => o.row);
        refused.set(r.row, refuse('same_box_other_number', { rows: others.join(', ') }));
      }
    } else for (const r of group.slice(1)) repeats.set(r.row, group[0]!.row);
  }
  for (const group of repeated(usable, numberOf)) {
    const references = new Set(group.map((r) => r.reference));
    if (references.size < 2) continue;
    for (const r of group) {
      const others = group.filter((o) => o.reference !== r.reference).map((o) => o.row);
      refused.set(r.row, refuse('number_on_two_boxes', { tracking_number: numberOf(r), rows: others.join(', ') }));
    }
  }
  return { refused, repeats };
}

/** The groups of items sharing a key, of two or more, in the items' order (a file's keys are mostly all distinct). */
function repeated<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const first = new Map<string, T>();
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const seen = first.get(k);
    if (seen === undefined) first.set(k, item);
    else {
      const group = groups.get(k);
      if (group) group.push(item);
      else groups.set(k, [seen, item]);
    }
  }
  return [...groups.values()];
}

/** A row's result before its box is known: what the row asks for, as the number will be stored. */
function resultOf(r: ImportRow, kind: ImportOutcome): RowResult {
  return {
    row: r.row,
    outcome: kind,
    reference: r.reference,
    box_id: null,
    courier: r.courier,
    tracking_number: r.courier && r.number ? (r.stored ?? r.number) : r.number,
    old_courier: null,
    old_tracking_number: null,
    resend: false,
  };
}

function outcome(result: RowResult, kind: ImportOutcome): RowResult {
  result.outcome = kind;
  return result;
}

export function repeatedRow(r: ImportRow, first: number): RowResult {
  return { ...resultOf(r, 'unchanged'), code: 'repeated_row', message: message(m.repeated_row, { rows: first }) };
}

/** One sheet row's result as an apply stores it: [row, outcome, code, message, reference, old number, new number]. */
type StoredRow = [number, RowResult['outcome'], string | null, string | null, string | null, string | null, string | null];
type StoredResults = { header_row: number; rows: StoredRow[] };

/**
 * As stored on the import's row: JSON built a slice at a time (while the database writes the import's changes:
 * server/db/turns.ts), then packed (packed-text.ts). storedResults reads it back.
 */
export async function storeResults(headerRow: number, results: readonly RowResult[]): Promise<string> {
  const rows = await jsonArrayInSlices(results, (r): StoredRow => [
    r.row,
    r.outcome,
    r.code ?? null,
    r.message ? storedText(r.message) : null,
    r.reference,
    r.old_tracking_number,
    r.tracking_number,
  ]);
  // Each field of StoredResults as JSON text: a field added to the type and not here does not compile.
  const fields: Record<keyof StoredResults, string> = { header_row: JSON.stringify(headerRow), rows };
  return packText(
    `{${Object.entries(fields)
      .map(([key, json]) => `${JSON.stringify(key)}:${json}`)
      .join(',')}}`,
  );
}

/**
 * What storeResults stored, or null when the import kept none that a result file can use (nothing, or the plain
 * array of results kept before the header row was).
 */
export async function storedResults(stored: string | null): Promise<StoredResults | null> {
  if (!stored) return null;
  const value = JSON.parse(await unpackText(stored)) as StoredResults | unknown[];
  return Array.isArray(value) ? null : value;
}
