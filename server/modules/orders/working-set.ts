// The rows one bulk call reads, held in memory while its items apply, with the writes they queue. Every change
// goes through the methods here, which log how to undo it: an item that is refused halfway is rolled back, so a
// refusal never leaves part of its change behind.
import type { AccountAutomation } from '../mall-accounts/mall-accounts.repo.ts';
import * as repo from './working-set.repo.ts';
import type { BoxRow, ClaimRow, HistoryRow, LineRow, OrderRow } from './working-set.repo.ts';

type Patch = Record<string, unknown>;

export class WorkingSet {
  readonly lines = new Map<string, LineRow>();
  readonly orders = new Map<string, OrderRow>();
  readonly boxes = new Map<string, BoxRow>();
  readonly history = new Map<string, HistoryRow[]>();
  readonly claims = new Map<string, ClaimRow[]>();
  /** When each line's returned goods were received (반품 입고), when the call may restore or withdraw claims. */
  readonly received = new Map<string, string>();
  /** The latest memo of each order, when the call may add memos. */
  readonly memos = new Map<string, string>();
  /** The recipient cells of each order, when the call may correct them (a sheet push). */
  readonly recipients = new Map<string, repo.RecipientRow>();
  /** The automatic steps of the accounts with any on (automation.ts), when the call may number, ship or confirm. */
  automation = new Map<string, AccountAutomation>();
  /** The accounts whose mall takes a shipment's number for all its items at once, when the call may ship. */
  wholeShipment = new Set<string>();
  /** Each account's mall, when the call numbers boxes: a courier the mall has no code for is warned of (invoices.ts). */
  accountMalls = new Map<string, string>();
  /** What the current block of the call has changed, to be written at its end. */
  writes = repo.emptyWrites();
  // Indexes hold the rows themselves, in lists (a Set per order and box made 100,000 hash tables for 50,000 lines).
  private readonly byOrder = new Map<string, LineRow[]>();
  private readonly byBox = new Map<string, LineRow[]>();
  /** Boxes by tracking number (any courier), so a 50,000-number call looks numbers up instead of scanning. */
  private readonly byNumber = new Map<string, BoxRow[]>();
  /** Boxes this call creates: they are inserted with their final fields, not updated. */
  private readonly newBoxIds = new Set<string>();
  private undo: (() => void)[] = [];
  /** The fields the call changed on each row, as read (before its first change), when the call keeps them. */
  private firstValuesOf: Map<object, Record<string, unknown>> | null = null;

  // ---- reading ----------------------------------------------------------------------------------------------

  addLines(rows: LineRow[]): void {
    for (const r of rows) {
      if (this.lines.has(r.id)) continue;
      this.lines.set(r.id, r);
      this.index(this.byOrder, r.order_id, r, true);
      if (r.box_id) this.index(this.byBox, r.box_id, r, true);
    }
  }

  addBoxes(rows: BoxRow[]): void {
    for (const b of rows) {
      this.boxes.set(b.id, b);
      if (b.tracking_number) this.index(this.byNumber, b.tracking_number, b, true);
    }
  }

  /** A box other than `exceptId` that carries this number, under any courier. */
  boxWithNumber(number: string, exceptId: string | undefined): BoxRow | undefined {
    for (const b of this.byNumber.get(number) ?? []) if (b.id !== exceptId) return b;
    return undefined;
  }

  linesOfOrder(orderId: string): LineRow[] {
    const lines = this.byOrder.get(orderId);
    if (!lines) return [];
    return lines.length > 1 ? lines.slice().sort((a, b) => a.line_no - b.line_no) : lines.slice();
  }

  /**
   * The lines in a box, as the index holds them (no copy: an invoice import asks 100,000 times). Read it before
   * moving any of them to another box: the list changes with them.
   */
  linesOfBox(boxId: string): readonly LineRow[] {
    return this.byBox.get(boxId) ?? NO_LINES;
  }

  /** The version a row had when this call loaded it: what a caller's version is compared with. */
  loadedVersion(id: string): number | undefined {
    return this.lines.get(id)?.version ?? this.orders.get(id)?.version;
  }

  /** The version after this call: one more for every row it changed. */
  versionAfter(id: string): number | undefined {
    const loaded = this.loadedVersion(id);
    if (loaded === undefined) return undefined;
    return loaded + (this.writes.lines.has(id) || this.writes.orders.has(id) ? 1 : 0);
  }

  /**
   * The next block of a call that decides on rows read once (bulk-blocks.ts): the last block's changes are written
   * and committed, so they become the rows as stored — boxes it created are now updated, not inserted.
   */
  nextBlock(): void {
    this.writes = repo.emptyWrites();
    this.newBoxIds.clear();
    this.undo.length = 0;
  }

  /**
   * From now on, keeps each field a change overwrites as it was read: what an undo record of the call says each
   * changed row held (transition-undo.ts, firstValues). Only the fields changed, on first change: a 50,000-line call copies no rows.
   */
  keepOriginals(): void {
    this.firstValuesOf ??= new Map();
  }

  /**
   * The fields this call changed on a row, as read before its first change (when the call keeps originals); the
   * row's other fields are as read.
   */
  firstValues(row: object): Readonly<Record<string, unknown>> | undefined {
    return this.firstValuesOf?.get(row);
  }

  private keepFirst(row: object, before: Record<string, unknown>): void {
    if (!this.firstValuesOf) return;
    let kept = this.firstValuesOf.get(row);
    if (!kept) this.firstValuesOf.set(row, (kept = {}));
    for (const key in before) if (!(key in kept)) kept[key] = before[key];
  }

  // ---- undo -------------------------------------------------------------------------------------------------

  checkpoint(): number {
    return this.undo.length;
  }

  rollback(to: number): void {
    while (this.undo.length > to) this.undo.pop()!();
  }

  /** An item went through: its changes stay, so the way back is forgotten (keeps 50,000-item calls light). */
  commit(): void {
    this.undo.length = 0;
  }

  private remember(fn: () => void): void {
    this.undo.push(fn);
  }

  // ---- changes ----------------------------------------------------------------------------------------------

  /** Sets fields on an in-memory row. */
  assign<T extends object>(row: T, patch: Partial<T>): void {
    const before: Partial<T> = {};
    for (const key of Object.keys(patch) as (keyof T)[]) before[key] = row[key];
    this.keepFirst(row, before);
    Object.assign(row, patch);
    this.remember(() => Object.assign(row, before));
  }

  /** Queues a patch for a row (merged with earlier patches of this call). An empty patch still moves the version. */
  queue(map: Map<string, Patch>, id: string, patch: Patch): void {
    // One lookup: this runs three times for each line of a 50,000-line call (its line, order and box).
    const previous = map.get(id);
    if (previous === undefined) {
      // The first patch of a row is kept as given (callers hand over a fresh object).
      map.set(id, patch);
      this.remember(() => map.delete(id));
      return;
    }
    let empty = true;
    for (const _ in patch) {
      empty = false;
      break;
    }
    if (empty) return; // already queued: its version moves anyway
    // Later patches merge into a copy.
    map.set(id, { ...previous, ...patch });
    this.remember(() => map.set(id, previous));
  }

  /** Sets a map entry, remembering what it held. */
  setIn<K, V>(map: Map<K, V>, key: K, value: V): void {
    const had = map.has(key);
    const previous = map.get(key);
    map.set(key, value);
    this.remember(() => (had ? map.set(key, previous!) : map.delete(key)));
  }

  push<T>(list: T[], item: T): void {
    list.push(item);
    this.remember(() => void list.pop());
  }

  add<T>(set: Set<T>, value: T): void {
    if (set.has(value)) return;
    set.add(value);
    this.remember(() => void set.delete(value));
  }

  /** Moves a line into another box (or none), keeping the box index current. */
  setLineBox(line: LineRow, boxId: string | null): void {
    const from = line.box_id;
    if (from === boxId) return;
    this.keepFirst(line, { box_id: from });
    if (from) this.index(this.byBox, from, line, false);
    if (boxId) this.index(this.byBox, boxId, line, true);
    line.box_id = boxId;
    this.remember(() => {
      if (boxId) this.index(this.byBox, boxId, line, false);
      if (from) this.index(this.byBox, from, line, true);
      line.box_id = from;
    });
  }

  addNewLine(line: LineRow): void {
    this.lines.set(line.id, line);
    this.index(this.byOrder, line.order_id, line, true);
    if (line.box_id) this.index(this.byBox, line.box_id, line, true);
    this.push(this.writes.newLines, line);
    this.remember(() => {
      this.lines.delete(line.id);
      this.index(this.byOrder, line.order_id, line, false);
      if (line.box_id) this.index(this.byBox, line.box_id, line, false);
    });
  }

  addNewBox(box: BoxRow): void {
    this.addBoxes([box]);
    this.newBoxIds.add(box.id);
    this.push(this.writes.newBoxes, box);
    this.remember(() => {
      this.boxes.delete(box.id);
      this.newBoxIds.delete(box.id);
      if (box.tracking_number) this.index(this.byNumber, box.tracking_number, box, false);
    });
  }

  /** Changes a box and queues the change, keeping the number index current. */
  patchBox(box: BoxRow, patch: Partial<BoxRow>): void {
    const from = box.tracking_number;
    const to = patch.tracking_number;
    if (to !== undefined && to !== from) {
      // A number given up is cleared before any box takes one, so two boxes can swap numbers in one call; a box
      // that had none gives nothing up (50,000 boxes numbered for the first time need no clearing).
      if (from && !this.newBoxIds.has(box.id)) this.add(this.writes.renumbered, box.id);
      if (from) this.index(this.byNumber, from, box, false);
      if (to) this.index(this.byNumber, to, box, true);
      this.remember(() => {
        if (to) this.index(this.byNumber, to, box, false);
        if (from) this.index(this.byNumber, from, box, true);
      });
    }
    this.assign(box, patch);
    if (!this.newBoxIds.has(box.id)) this.queue(this.writes.boxes, box.id, patch);
  }

  /** Adds `item` to (or takes it from) the list under `key`, once. */
  private index<T>(map: Map<string, T[]>, key: string, item: T, present: boolean): void {
    const list = map.get(key);
    if (present) {
      if (!list) map.set(key, [item]);
      else if (!list.includes(item)) list.push(item);
    } else if (list) {
      const at = list.indexOf(item);
      if (at >= 0) list.splice(at, 1);
    }
  }
}

const NO_LINES: readonly LineRow[] = [];
