// One pushed sheet row at a time: its changed cells (courier and number, hold and reason, memo, recipient) become engine
// actions on the row's line and order, applied all or nothing, and a refusal names the column it is about.
// Rows see what earlier rows of the same push did, so rows of one order or one box must agree with each other.
import type { SheetPushRow, SheetRowCode, SheetRowResult } from '../../../shared/api/sheet.schema.ts';
import { findCourier } from '../../../shared/couriers.ts';
import { message, type MessageParam, type MessageParams, type Text } from '../../../shared/i18n.ts';
import { STATUS_LABELS, type Status } from '../../../shared/lifecycle.ts';
import { ORDER_COLUMNS } from '../../../shared/sheet/order-columns.ts';
import { RECIPIENT_FIELDS, checkRecipientField, type RecipientField } from '../../../shared/sheet/recipient-edit.ts';
import { Refusal, type Action, type Engine, type Outcome, type Params } from './transition-engine.ts';
import { sheetMessages } from './sheet.messages.ts';
import type { WorkingSet } from './working-set.ts';
import type { LineRow, OrderRow } from './working-set.repo.ts';

/** An action of the row and the column a refusal of it is about. */
type Step = { action: Action; params: Params; column: string };
type WantedHold = { hold: true; reason: string } | { hold: false };
type BoxNumber = { courier: string; tracking_number: string };
/** What the row asks of its box: a courier and number (empty for DIRECT), or its number cleared. */
type WantedNumber = BoxNumber | 'clear';

/** A row's result as the push gives it: SheetRowResult with its message and warnings unrendered (the edge renders them). */
export type SheetResult = Omit<SheetRowResult, 'message' | 'warnings'> & { message?: Text; warnings?: Text[] };

/** Why a row is refused, and the column it is about when it is about one. */
class RowRefusal {
  constructor(
    readonly code: SheetRowCode,
    readonly message: Text,
    readonly column?: string,
  ) {}
}

/** A courier as the sheet names it (CJ대한통운 / CJ Logistics), by its code when unknown. */
function courierLabel(code: string): MessageParam {
  const courier = findCourier(code);
  return courier ? { ko: courier.nameKo, en: courier.nameEn } : code;
}

/** A column as the sheet heads it (수취인 / Recipient). */
const columnLabel = (id: string): MessageParam => ORDER_COLUMNS.find((c) => c.id === id)?.header ?? id;

/** Engine refusals about the courier rather than the cell of the step that met them. */
const COURIER_CODES: readonly string[] = ['unknown_courier'];

export class SheetRows {
  /** The hold each order was given by an applied row of this push: later rows of the order must ask the same. */
  private readonly holdAsked = new Map<string, WantedHold>();
  /** The courier and number each box was given by an applied row of this push, likewise. */
  private readonly numberAsked = new Map<string, BoxNumber>();
  /** Lines of stale rows that asked for nothing new: the answer refreshes them though this push did not write them. */
  readonly refreshed = new Set<string>();

  constructor(
    private readonly engine: Engine,
    private readonly set: WorkingSet,
    /** Each row's number as stored (storedNumber of its courier and number), by the row's index in the push. */
    private readonly numbers: readonly (string | undefined)[],
  ) {}

  apply(row: SheetPushRow, index: number): SheetResult {
    const checkpoint = this.set.checkpoint();
    try {
      const { target, stale } = this.targetOf(row, index);
      const { line, order } = target;
      let asked: ReturnType<SheetRows['outcomes']>;
      try {
        asked = this.outcomes(row, index, target);
      } catch (error) {
        throw stale ?? error;
      }
      const { outcomes, hold, number } = asked;
      // A row pushed again after its answer was lost (a crash, a dropped connection) is stale; when all it asks
      // is so already, it is unchanged, and its line is refreshed so the sheet learns the version.
      if (stale && outcomes.some((o) => o.changed)) throw stale;
      if (stale) {
        this.set.rollback(checkpoint);
        this.refreshed.add(line.id);
      } else this.set.commit();

      if (hold) this.holdAsked.set(order.id, hold);
      if (number && number !== 'clear' && line.box_id) this.numberAsked.set(line.box_id, number);
      const warnings = outcomes.flatMap((o) => o.warnings);
      return {
        line_id: row.line_id,
        result: 'applied',
        ...(outcomes.some((o) => o.changed) ? {} : { code: 'unchanged' as const }),
        ...(warnings.length ? { warnings } : {}),
      };
    } catch (error) {
      const refusal = error instanceof Refusal ? this.fromEngine(error) : error;
      if (!(refusal instanceof RowRefusal)) throw error;
      this.set.rollback(checkpoint);
      return {
        line_id: row.line_id,
        result: 'refused',
        code: refusal.code,
        ...(refusal.column ? { column: refusal.column } : {}),
        message: refusal.message,
      };
    }
  }

  /**
   * The row's line and order; a line that moved since the sheet's version is answered with the refusal to give
   * should the row ask for any change (see apply).
   */
  private targetOf(row: SheetPushRow, index: number): { target: { line: LineRow; order: OrderRow }; stale: RowRefusal | null } {
    try {
      const { line, order } = this.engine.target({ id: row.line_id, version: row.line_version }, index);
      if (!line) throw new Refusal('not_found', { id: row.line_id }); // an order id: a sheet row is a line
      return { target: { line, order }, stale: null };
    } catch (error) {
      if (!(error instanceof Refusal) || error.code !== 'stale_version') throw error;
      const line = this.set.lines.get(row.line_id);
      const order = line && this.set.orders.get(line.order_id);
      if (!line || !order) throw error;
      return { target: { line, order }, stale: this.fromEngine(error) };
    }
  }

  /** What the row's cells ask and what they did, applied to the working set (a refusal thrown names its column). */
  private outcomes(
    row: SheetPushRow,
    index: number,
    target: { line: LineRow; order: OrderRow },
  ): { outcomes: Outcome[]; hold: WantedHold | null; number: WantedNumber | null } {
    const { line, order } = target;
    const hold = this.wantedHold(row, order);
    const number = this.wantedNumber(row, line, this.numbers[index]);
    const invoice = number ? this.invoiceStep(number, line) : null;
    if (row.memo === '') throw this.refuse('invalid_value', 'memo', 'memo_cannot_clear');
    const recipient = this.wantedRecipient(row);

    // Within a row, a release comes first, so an order this row releases can take its number in the same row
    // (a hold blocks numbering), and a hold comes last, after the number it will keep from shipping. A hold put
    // on by this push does not block the push's numbers (see Engine.flagsOf); an order that was on hold before
    // the push and stays so takes no number: the row is refused as blocked.
    const steps: Step[] = [];
    if (hold?.hold === false) steps.push({ action: 'release_hold', params: {}, column: 'hold' });
    if (invoice) steps.push(invoice);
    if (hold?.hold) steps.push({ action: 'hold', params: { reason: hold.reason }, column: 'hold' });

    const outcomes = steps.map((step) => this.step(target, step));
    if (row.memo) outcomes.push(this.engine.addMemo(order, row.memo));
    if (recipient) outcomes.push(this.engine.editRecipient(order, recipient));
    return { outcomes, hold, number };
  }

  private step(target: { line: LineRow; order: OrderRow }, step: Step): Outcome {
    try {
      return this.engine.apply(target, step.action, step.params);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      throw this.fromEngine(error, COURIER_CODES.includes(error.code) ? 'courier' : step.column);
    }
  }

  /**
   * The hold the row asks of its order: hold with a reason (the row's, or the order's current one when the row
   * sends only hold), release, or, for a reason alone, hold again with it when the order is on hold.
   */
  private wantedHold(row: SheetPushRow, order: OrderRow): WantedHold | null {
    let wanted: WantedHold | null = null;
    if (row.hold === false) wanted = { hold: false };
    else if (row.hold || row.hold_reason !== undefined) {
      if (!row.hold && !order.hold) throw this.refuse('invalid_value', 'hold_reason', 'reason_needs_hold');
      const reason = row.hold_reason ?? order.hold_reason ?? '';
      if (!reason) throw this.refuse('hold_reason_required', 'hold_reason', 'hold_reason_required');
      wanted = { hold: true, reason };
    }
    const asked = this.holdAsked.get(order.id);
    if (wanted && asked && (asked.hold !== wanted.hold || (asked.hold && wanted.hold && asked.reason !== wanted.reason))) {
      throw asked.hold
        ? this.refuse('row_conflict', 'hold', 'hold_conflict_hold', { reason: asked.reason })
        : this.refuse('row_conflict', 'hold', 'hold_conflict_release');
    }
    return wanted;
  }

  /** The recipient cells the row sends, as stored (phones hyphenated), or the first bad one refused naming its column. */
  private wantedRecipient(row: SheetPushRow): Partial<Record<RecipientField, string | null>> | null {
    const sent = RECIPIENT_FIELDS.filter((f) => row[f] !== undefined);
    if (!sent.length) return null;
    const wanted: Partial<Record<RecipientField, string | null>> = {};
    for (const field of sent) {
      const checked = checkRecipientField(field, row[field]!);
      if ('problem' in checked) throw this.refuse('invalid_value', field, checked.problem.code, { column: columnLabel(field) });
      wanted[field] = checked.value;
    }
    return wanted;
  }

  /**
   * Courier and number. A number (or courier DIRECT, which ships without one) is asked of the line's box, in
   * agreement with what earlier rows of the push asked of the same box; an emptied number clears the line's.
   */
  private wantedNumber(row: SheetPushRow, line: LineRow, stored: string | undefined): WantedNumber | null {
    if (row.tracking_number === undefined) return null;
    // No courier with a number: the account's default courier, when the seller chose one (issue 13 §6).
    const courier = findCourier(row.courier || (row.tracking_number ? this.defaultCourierOf(line) : undefined));
    if (row.courier && !courier) throw this.fromEngine(new Refusal('unknown_courier', { id: line.id, courier: row.courier }), 'courier');
    if (!row.tracking_number && courier?.code !== 'DIRECT') return 'clear';
    if (!courier) throw this.refuse('courier_required', 'courier', 'courier_required');
    const wanted = { courier: courier.code, tracking_number: stored ?? row.tracking_number };
    const asked = line.box_id ? this.numberAsked.get(line.box_id) : undefined;
    if (asked && (asked.courier !== wanted.courier || asked.tracking_number !== wanted.tracking_number)) {
      throw this.refuse('row_conflict', 'tracking_number', 'box_conflict', {
        tracking_number: asked.tracking_number || '-',
        // Named as on the sheet (CJ대한통운), not by its code.
        courier: courierLabel(asked.courier),
      });
    }
    return wanted;
  }

  /**
   * The engine action for the number, if anything is to change: a number replaces the box's (typing over the cell
   * is the operator asking to overwrite; a box already sent to the mall still refuses), a clear clears a line that
   * has a number or is INVOICED (DIRECT boxes have none).
   */
  private invoiceStep(wanted: WantedNumber, line: LineRow): Step | null {
    const box = line.box_id ? this.set.boxes.get(line.box_id) : undefined;
    if (wanted === 'clear') {
      return line.status === 'INVOICED' || box?.tracking_number ? { action: 'clear_invoice', params: {}, column: 'tracking_number' } : null;
    }
    // The box has it already: nothing to ask of the engine, which would refuse an order on hold even so.
    if (box && box.courier === wanted.courier && box.tracking_number === (wanted.tracking_number || null)) return null;
    return { action: 'set_invoice', params: { ...wanted, overwrite: true }, column: 'tracking_number' };
  }

  private defaultCourierOf(line: LineRow): string | undefined {
    const account = this.set.orders.get(line.order_id)?.mall_account_id;
    return (account && this.set.automation.get(account)?.default_courier) || undefined;
  }

  private refuse(code: SheetRowCode, column: string, messageCode: keyof typeof sheetMessages, params: MessageParams = {}): RowRefusal {
    return new RowRefusal(code, message(sheetMessages[messageCode], params), column);
  }

  /** An engine refusal as a row's; a stale row is told in the sheet's words (changed since the pull). */
  private fromEngine(refusal: Refusal, column?: string): RowRefusal {
    if (refusal.code !== 'stale_version') return new RowRefusal(refusal.code, this.engine.describe(refusal), column);
    const status = String(refusal.params.status);
    const label = STATUS_LABELS[status as Status] ?? status;
    return new RowRefusal(refusal.code, message(sheetMessages.stale_row, { status_label: label }));
  }
}
