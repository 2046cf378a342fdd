// An in-browser workbook that implements the part of the Excel JavaScript API the add-in uses, with the rules
// that make real add-ins fail: objects are proxies whose writes are queued and sent at `context.sync()`, a property
// can only be read after `load()` and a sync, one request over 5 MB is refused as Excel on the web refuses it, and
// a cell keeps text only when its number format is text ("@") — otherwise digits become a number with at most 15
// significant digits, as Excel does. The preview page (/preview) and the tests run the pane against it.

/** Excel on the web refuses a request or a response over 5 MB (reference/excel-addin.md §5). */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export class OfficeLikeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export type Cell = { value: string | number | boolean; format: string };

export type SyncStats = { syncs: number; largestRequestBytes: number; largestResponseBytes?: number; requests: number[] };

/** Where a range lies on its sheet: zero-based first row and column, and its size. */
export type Area = { row: number; col: number; rows: number; cols: number };

export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "A1", "B2:D10", "A:C" (whole columns) → the area it covers. */
export function parseAddress(address: string): Area {
  const [from, to = from] = address.replace(/\$/g, '').split(':') as [string, string?];
  const cell = (a: string) => {
    const m = /^([A-Za-z]+)(\d*)$/.exec(a);
    if (!m) throw new OfficeLikeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: ${address}`);
    return { col: columnIndex(m[1]!), row: m[2] ? Number(m[2]) - 1 : -1 };
  };
  const a = cell(from);
  const b = cell(to!);
  const whole = a.row < 0 || b.row < 0;
  return {
    row: whole ? 0 : Math.min(a.row, b.row),
    col: Math.min(a.col, b.col),
    rows: whole ? 1_048_576 : Math.abs(b.row - a.row) + 1,
    cols: Math.abs(b.col - a.col) + 1,
  };
}

export function addressOf(area: Area): string {
  const first = `${columnLetters(area.col)}${area.row + 1}`;
  const last = `${columnLetters(area.col + area.cols - 1)}${area.row + area.rows}`;
  return first === last ? first : `${first}:${last}`;
}

/**
 * What Excel keeps when a value is written into a cell of a given format: text formats keep strings as they
 * are; otherwise a string that reads as a number becomes that number, rounded to 15 significant digits (so an
 * 18-digit id or a leading zero is lost).
 */
export function storedValue(value: unknown, format: string): Cell['value'] {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = String(value);
  if (format === '@') return text;
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text.trim())) return Number(Number(text).toPrecision(15));
  return text;
}

export class Sheet {
  /** Rows of cells; a missing row or cell is empty. */
  grid: (Cell | undefined)[][] = [];
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  frozenRows = 0;
  filter: Area | null = null;
  hiddenColumns = new Set<number>();
  columnWidths = new Map<number, number>();
  boldRows = new Set<number>();
  validations: { area: Area; list: string }[] = [];
  constructor(public name: string) {}

  get(r: number, c: number): Cell | undefined {
    return this.grid[r]?.[c];
  }
  set(r: number, c: number, cell: Cell): void {
    (this.grid[r] ??= [])[c] = cell;
  }
  clear(a: Area): void {
    const last = Math.min(a.row + a.rows, this.grid.length);
    for (let r = a.row; r < last; r++) {
      const row = this.grid[r];
      if (!row) continue;
      for (let c = a.col; c < Math.min(a.col + a.cols, row.length); c++) row[c] = undefined;
    }
  }
  /** The area from A1 to the last cell holding a value (Excel's used range, values only). */
  used(): Area | null {
    let maxR = -1;
    let maxC = -1;
    this.grid.forEach((row, r) => {
      if (!row) return;
      for (let c = row.length - 1; c >= 0; c--) {
        const v = row[c]?.value;
        if (v !== undefined && v !== '') {
          maxR = r;
          maxC = Math.max(maxC, c);
          break;
        }
      }
    });
    return maxR < 0 ? null : { row: 0, col: 0, rows: maxR + 1, cols: maxC + 1 };
  }
}

/** The workbook behind the fake API: its state survives across `Excel.run` calls, as a real workbook's does. */
export class FakeWorkbookState {
  sheets: Sheet[] = [new Sheet('Sheet1')];
  active = 'Sheet1';
  /** What the user has selected: set by the preview grid (or a test), read by `getSelectedRanges()`. */
  selection: { sheet: string; areas: Area[] } = { sheet: 'Sheet1', areas: [{ row: 0, col: 0, rows: 1, cols: 1 }] };
  stats: SyncStats = { syncs: 0, largestRequestBytes: 0, requests: [] };
  /**
   * Syncs Excel refuses because the operator is typing in a cell (Excel answers every request then with
   * InvalidOperationInCellEditMode until they leave the cell); each refused sync counts one down, Infinity never.
   */
  cellEditSyncs = 0;
  /** Called after every sync that changed something, so a view of the workbook can redraw. */
  onChange: (() => void) | null = null;
  find(name: string) {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  // ---- what the user's hands do (the preview grid and the tests), outside the API ----------------------------

  private sheetNamed(name: string): Sheet {
    const s = this.find(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
  /** Typing or pasting into a cell: Excel reads it by the cell's format, as it does for API writes. */
  userEdit(sheet: string, row: number, col: number, text: string): void {
    const s = this.sheetNamed(sheet);
    const cell = s.get(row, col) ?? { value: '', format: 'General' };
    cell.value = storedValue(text, cell.format);
    s.set(row, col, cell);
    this.onChange?.();
  }
  /** Sorting the rows under a header by one column (Data › Sort). */
  userSort(sheet: string, col: number, descending = false): void {
    const s = this.sheetNamed(sheet);
    const [header, ...rows] = s.grid;
    const key = (r: (Cell | undefined)[] | undefined) => r?.[col]?.value ?? '';
    rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (descending ? -1 : 1));
    s.grid = [header ?? [], ...rows];
    this.onChange?.();
  }
  /** Deleting whole rows (0-based sheet rows); the rows below move up. */
  userDeleteRows(sheet: string, rows: number[]): void {
    const s = this.sheetNamed(sheet);
    const gone = new Set(rows);
    s.grid = s.grid.filter((_, r) => !gone.has(r));
    this.onChange?.();
  }
  /** Inserting an empty column before `col`; the columns to its right move right. */
  userInsertColumn(sheet: string, col: number): void {
    const s = this.sheetNamed(sheet);
    for (const row of s.grid) row?.splice(col, 0, undefined);
    s.hiddenColumns = new Set([...s.hiddenColumns].map((c) => (c >= col ? c + 1 : c)));
    s.columnWidths = new Map([...s.columnWidths].map(([c, w]) => [c >= col ? c + 1 : c, w]));
    this.onChange?.();
  }
  /** Moves a whole column to another place (cut + insert). */
  userMoveColumn(sheet: string, from: number, to: number): void {
    const s = this.sheetNamed(sheet);
    for (const row of s.grid) {
      if (!row) continue;
      while (row.length <= Math.max(from, to)) row.push(undefined);
      const [cell] = row.splice(from, 1);
      row.splice(to, 0, cell);
    }
    this.onChange?.();
  }
  select(sheet: string, areas: Area[]): void {
    this.selection = { sheet, areas };
    this.onChange?.();
  }
}

type Op = { size: number; run: () => void };

const encoder = new TextEncoder();
/** Bytes a payload takes on the wire as JSON (UTF-8: a Korean syllable is 3 bytes). */
const jsonBytes = (payload: unknown) => encoder.encode(JSON.stringify(payload ?? null)).length;

/** One batch of queued operations, as Office.js sends one request per sync. */
class Batch {
  ops: Op[] = [];
  /** Queued loads; each returns the bytes its answer takes, summed into the sync's response. */
  loads: (() => number)[] = [];
  constructor(readonly state: FakeWorkbookState) {}
  queue(payload: unknown, run: () => void) {
    this.ops.push({ size: jsonBytes(payload), run });
  }
}

abstract class ClientObject {
  protected loaded = new Set<string>();
  /** Set by the sync after a `…OrNullObject` call (no load needed, as in Office.js) when the thing is missing. */
  isNullObject = false;
  constructor(protected batch: Batch) {}
  /** For `…OrNullObject` objects: the next sync tells whether the thing exists. */
  nullable(exists: () => boolean): this {
    this.batch.loads.push(() => {
      this.isNullObject = !exists();
      return 8;
    });
    return this;
  }
  protected read<T>(name: string, value: () => T): T {
    if (!this.loaded.has(name)) {
      throw new OfficeLikeError('PropertyNotLoaded', `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    }
    return value();
  }
  load(props?: string | string[] | Record<string, unknown>): this {
    const names = typeof props === 'string' ? props.split(',').map((p) => p.trim()) : Array.isArray(props) ? props : props ? Object.keys(props) : ['*'];
    this.batch.loads.push(() => {
      for (const n of names) this.loaded.add(n);
      return this.snapshot();
    });
    return this;
  }
  /** Called when a queued load runs: copies what the workbook holds now into the object; returns its bytes. */
  protected abstract snapshot(): number;
}

/** A 2D array assigned to a range, or one value for every cell (Office.js accepts both). */
type Grid<T> = T[][] | T;

const WHOLE_SHEET: Area = { row: 0, col: 0, rows: 1_048_576, cols: 16_384 };

export class FakeRange extends ClientObject {
  private values_: Cell['value'][][] = [];
  private formats_: string[][] = [];
  private address_ = '';
  private area_: Area | null = null;
  constructor(
    batch: Batch,
    private sheet: () => Sheet,
    private area: () => Area | null,
  ) {
    super(batch);
  }
  protected snapshot(): number {
    const a = this.area();
    this.area_ = a;
    if (!a) return 0;
    const s = this.sheet();
    this.address_ = `${s.name}!${addressOf(a)}`;
    if (!this.loaded.has('values') && !this.loaded.has('numberFormat') && !this.loaded.has('*')) return jsonBytes(this.address_);
    if (a.rows * a.cols > 5_000_000) throw new OfficeLikeError('GeneralException', 'The range has more than 5,000,000 cells.');
    this.values_ = Array.from({ length: a.rows }, (_, r) => Array.from({ length: a.cols }, (_, c) => s.get(a.row + r, a.col + c)?.value ?? ''));
    this.formats_ = Array.from({ length: a.rows }, (_, r) => Array.from({ length: a.cols }, (_, c) => s.get(a.row + r, a.col + c)?.format ?? 'General'));
    return jsonBytes(this.values_) + (this.loaded.has('numberFormat') ? jsonBytes(this.formats_) : 0);
  }
  get values() {
    return this.read('values', () => this.values_);
  }
  set values(rows: Grid<unknown>) {
    this.batch.queue(rows, () => this.write(rows, null));
  }
  get numberFormat() {
    return this.read('numberFormat', () => this.formats_);
  }
  set numberFormat(formats: Grid<string>) {
    this.batch.queue(formats, () => this.write(null, formats));
  }
  get address() {
    return this.read('address', () => this.address_);
  }
  get rowIndex() {
    return this.read('rowIndex', () => this.area_?.row ?? 0);
  }
  get columnIndex() {
    return this.read('columnIndex', () => this.area_?.col ?? 0);
  }
  get rowCount() {
    return this.read('rowCount', () => this.area_?.rows ?? 0);
  }
  get columnCount() {
    return this.read('columnCount', () => this.area_?.cols ?? 0);
  }
  set columnHidden(hidden: boolean) {
    this.batch.queue(hidden, () => {
      const a = this.requireArea();
      for (let c = a.col; c < a.col + Math.min(a.cols, 16_384); c++) (hidden ? this.sheet().hiddenColumns.add(c) : this.sheet().hiddenColumns.delete(c));
    });
  }
  get format() {
    const range = this;
    return {
      set columnWidth(points: number) {
        range.batch.queue(points, () => {
          const a = range.requireArea();
          for (let c = a.col; c < a.col + a.cols; c++) range.sheet().columnWidths.set(c, points);
        });
      },
      font: {
        set bold(bold: boolean) {
          range.batch.queue(bold, () => {
            const a = range.requireArea();
            for (let r = a.row; r < a.row + a.rows; r++) (bold ? range.sheet().boldRows.add(r) : range.sheet().boldRows.delete(r));
          });
        },
      },
    };
  }
  get dataValidation() {
    const range = this;
    return {
      clear: () => range.batch.queue(null, () => (range.sheet().validations = range.sheet().validations.filter((v) => !overlaps(v.area, range.requireArea())))),
      set rule(rule: { list: { inCellDropDown: boolean; source: string } }) {
        range.batch.queue(rule, () => range.sheet().validations.push({ area: range.requireArea(), list: rule.list.source }));
      },
    };
  }
  /** The area this range covers now (used by the worksheet's autofilter). */
  areaNow(): Area {
    return this.requireArea();
  }
  clear() {
    this.batch.queue(null, () => this.sheet().clear(this.requireArea()));
  }
  private requireArea(): Area {
    const a = this.area();
    if (!a) throw new OfficeLikeError('ItemNotFound', 'The requested resource doesn\'t exist.');
    return a;
  }
  private write(values: Grid<unknown> | null, formats: Grid<string> | null) {
    const a = this.requireArea();
    const grid = (values ?? formats!) as Grid<unknown>;
    const single = !Array.isArray(grid);
    if (single && a.rows * a.cols > 5_000_000) throw new OfficeLikeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
    if (!single && (grid.length !== a.rows || grid.some((row) => row.length !== a.cols))) {
      throw new OfficeLikeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${addressOf(a)}).`);
    }
    const at = <T,>(g: Grid<T>, r: number, c: number): T => (Array.isArray(g) ? (g as T[][])[r]![c]! : g);
    const s = this.sheet();
    for (let r = 0; r < a.rows; r++) {
      for (let c = 0; c < a.cols; c++) {
        const cell = s.get(a.row + r, a.col + c) ?? { value: '', format: 'General' };
        if (formats) cell.format = at(formats, r, c);
        if (values) cell.value = storedValue(at(values, r, c), cell.format);
        s.set(a.row + r, a.col + c, cell);
      }
    }
  }
}

function overlaps(a: Area, b: Area): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

export class FakeWorksheet extends ClientObject {
  private name_ = '';
  private visibility_: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  constructor(
    batch: Batch,
    private resolve: () => Sheet | undefined,
  ) {
    super(batch);
  }
  protected snapshot(): number {
    const s = this.resolve();
    if (s) {
      this.name_ = s.name;
      this.visibility_ = s.visibility;
    }
    return jsonBytes(this.name_);
  }
  private sheet = () => {
    const s = this.resolve();
    if (!s) throw new OfficeLikeError('ItemNotFound', 'The requested resource doesn\'t exist.');
    return s;
  };
  get name() {
    return this.read('name', () => this.name_);
  }
  get visibility() {
    return this.read('visibility', () => this.visibility_);
  }
  set visibility(v: 'Visible' | 'Hidden' | 'VeryHidden') {
    this.batch.queue(v, () => (this.sheet().visibility = v));
  }
  getRange(address?: string) {
    const area = address ? parseAddress(address) : WHOLE_SHEET;
    return new FakeRange(this.batch, this.sheet, () => area);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number) {
    return new FakeRange(this.batch, this.sheet, () => ({ row, col, rows, cols }));
  }
  getUsedRange(_valuesOnly?: boolean) {
    return new FakeRange(this.batch, this.sheet, () => {
      const used = this.sheet().used();
      if (!used) throw new OfficeLikeError('ItemNotFound', 'The requested resource doesn\'t exist.');
      return used;
    });
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean) {
    const area = () => this.resolve()?.used() ?? null;
    return new FakeRange(this.batch, this.sheet, area).nullable(() => area() !== null);
  }
  delete() {
    this.batch.queue(null, () => {
      const s = this.sheet();
      const visible = this.batch.state.sheets.filter((x) => x.visibility === 'Visible');
      if (visible.length === 1 && visible[0] === s) throw new OfficeLikeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      this.batch.state.sheets = this.batch.state.sheets.filter((x) => x !== s);
      if (this.batch.state.active === s.name) this.batch.state.active = visible.find((x) => x !== s)!.name;
    });
  }
  activate() {
    this.batch.queue(null, () => {
      const s = this.sheet();
      if (s.visibility !== 'Visible') throw new OfficeLikeError('InvalidOperation', 'A hidden sheet cannot be activated.');
      this.batch.state.active = s.name;
    });
  }
  get freezePanes() {
    return {
      freezeRows: (n: number) => this.batch.queue(n, () => (this.sheet().frozenRows = n)),
      unfreeze: () => this.batch.queue(null, () => (this.sheet().frozenRows = 0)),
    };
  }
  get autoFilter() {
    return {
      apply: (range: FakeRange | string) => this.batch.queue(null, () => (this.sheet().filter = typeof range === 'string' ? parseAddress(range) : range.areaNow())),
      remove: () => this.batch.queue(null, () => (this.sheet().filter = null)),
    };
  }
}

export class FakeWorksheets {
  constructor(private batch: Batch) {}
  getItem(name: string) {
    return new FakeWorksheet(this.batch, () => this.batch.state.find(name));
  }
  getItemOrNullObject(name: string) {
    return this.getItem(name).nullable(() => this.batch.state.find(name) !== undefined);
  }
  getActiveWorksheet() {
    return new FakeWorksheet(this.batch, () => this.batch.state.find(this.batch.state.active));
  }
  add(name: string) {
    this.batch.queue(name, () => {
      if (this.batch.state.find(name)) throw new OfficeLikeError('ItemAlreadyExists', `A worksheet named '${name}' already exists.`);
      this.batch.state.sheets.push(new Sheet(name));
    });
    return this.getItem(name);
  }
}

/** The visible cells of the selection, as `RangeAreas` (the fake has no hidden rows, so all of it). */
class FakeRangeAreas extends ClientObject {
  readonly areas: { items: { rowIndex: number; rowCount: number; columnIndex: number; columnCount: number }[]; load: (props?: string) => unknown };
  private items_: FakeRangeAreas['areas']['items'] = [];
  readonly worksheet: FakeWorksheet;
  constructor(batch: Batch) {
    super(batch);
    const self = this;
    this.worksheet = new FakeWorksheet(batch, () => batch.state.find(batch.state.selection.sheet));
    this.areas = {
      get items() {
        return self.read('areas', () => self.items_);
      },
      // Loading any property of the areas loads them all: the fake keeps only their positions.
      load: () => self.load(['areas']),
    };
  }
  protected snapshot(): number {
    this.items_ = this.batch.state.selection.areas.map((a) => ({ rowIndex: a.row, rowCount: a.rows, columnIndex: a.col, columnCount: a.cols }));
    return jsonBytes(this.items_);
  }
  getSpecialCellsOrNullObject(_type: string) {
    return this.nullable(() => this.batch.state.selection.areas.length > 0);
  }
}

export class FakeRequestContext {
  readonly workbook: { worksheets: FakeWorksheets; getSelectedRanges: () => FakeRangeAreas };
  private batch: Batch;
  constructor(private state: FakeWorkbookState) {
    this.batch = new Batch(state);
    this.workbook = { worksheets: new FakeWorksheets(this.batch), getSelectedRanges: () => new FakeRangeAreas(this.batch) };
  }
  /**
   * Sends the queued operations as one request; refuses it whole when it is over the size limit, and fails when
   * the answer to its loads would be over the limit.
   */
  async sync(): Promise<void> {
    if (this.state.cellEditSyncs > 0) {
      this.state.cellEditSyncs--;
      // Nothing of the batch reaches the workbook: the request is refused whole.
      this.batch.ops = [];
      this.batch.loads = [];
      throw new OfficeLikeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.');
    }
    const bytes = this.batch.ops.reduce((n, op) => n + op.size, 0);
    const { ops, loads } = this.batch;
    this.batch.ops = [];
    this.batch.loads = [];
    this.state.stats.syncs++;
    this.state.stats.requests.push(bytes);
    this.state.stats.largestRequestBytes = Math.max(this.state.stats.largestRequestBytes, bytes);
    if (bytes > PAYLOAD_LIMIT_BYTES) throw new OfficeLikeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".');
    for (const op of ops) op.run();
    let response = 0;
    for (const load of loads) response += load();
    this.state.stats.largestResponseBytes = Math.max(this.state.stats.largestResponseBytes ?? 0, response);
    if (ops.length) this.state.onChange?.();
    if (response > PAYLOAD_LIMIT_BYTES) throw new OfficeLikeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
  }
}

/** `Excel.run` over a fake workbook: what the preview page installs as the global `Excel`. */
export function fakeExcel(state = new FakeWorkbookState()) {
  return {
    state,
    run: async <T,>(fn: (context: FakeRequestContext) => Promise<T>): Promise<T> => fn(new FakeRequestContext(state)),
  };
}
