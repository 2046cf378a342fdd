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

type Cell = { value: string | number | boolean; format: string };

export type SyncStats = { syncs: number; largestRequestBytes: number; requests: number[] };

/** Where a range lies on its sheet: zero-based first row and column, and its size. */
type Area = { row: number; col: number; rows: number; cols: number };

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

class Sheet {
  cells = new Map<string, Cell>();
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  frozenRows = 0;
  filter: Area | null = null;
  hiddenColumns = new Set<number>();
  validations: { area: Area; list: string }[] = [];
  constructor(public name: string) {}

  key = (r: number, c: number) => `${r},${c}`;
  get(r: number, c: number): Cell | undefined {
    return this.cells.get(this.key(r, c));
  }
  used(): Area | null {
    let maxR = -1;
    let maxC = -1;
    for (const [k, cell] of this.cells) {
      if (cell.value === '') continue;
      const [r, c] = k.split(',').map(Number) as [number, number];
      maxR = Math.max(maxR, r);
      maxC = Math.max(maxC, c);
    }
    return maxR < 0 ? null : { row: 0, col: 0, rows: maxR + 1, cols: maxC + 1 };
  }
}

/** The workbook behind the fake API: its state survives across `Excel.run` calls, as a real workbook's does. */
export class FakeWorkbookState {
  sheets: Sheet[] = [new Sheet('Sheet1')];
  stats: SyncStats = { syncs: 0, largestRequestBytes: 0, requests: [] };
  find(name: string) {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
}

type Op = { size: number; run: () => void };

const encoder = new TextEncoder();
/** Bytes a payload takes on the wire as JSON (UTF-8: a Korean syllable is 3 bytes). */
const jsonBytes = (payload: unknown) => encoder.encode(JSON.stringify(payload ?? null)).length;

/** One batch of queued operations, as Office.js sends one request per sync. */
class Batch {
  ops: Op[] = [];
  loads: (() => void)[] = [];
  constructor(readonly state: FakeWorkbookState) {}
  queue(payload: unknown, run: () => void) {
    this.ops.push({ size: jsonBytes(payload), run });
  }
}

abstract class ClientObject {
  protected loaded = new Set<string>();
  constructor(protected batch: Batch) {}
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
      this.snapshot();
    });
    return this;
  }
  /** Called when a queued load runs: copies what the workbook holds now into the object. */
  protected abstract snapshot(): void;
}

export class FakeRange extends ClientObject {
  private values_: Cell['value'][][] = [];
  private formats_: string[][] = [];
  private address_ = '';
  constructor(
    batch: Batch,
    private sheet: () => Sheet,
    private area: () => Area | null,
  ) {
    super(batch);
  }
  protected snapshot() {
    const a = this.area();
    const s = this.sheet();
    if (!a) {
      this.values_ = [[''] as Cell['value'][]];
      this.formats_ = [['General']];
      this.address_ = `${s.name}!A1`;
      return;
    }
    this.address_ = `${s.name}!${addressOf(a)}`;
    this.values_ = Array.from({ length: a.rows }, (_, r) => Array.from({ length: a.cols }, (_, c) => s.get(a.row + r, a.col + c)?.value ?? ''));
    this.formats_ = Array.from({ length: a.rows }, (_, r) => Array.from({ length: a.cols }, (_, c) => s.get(a.row + r, a.col + c)?.format ?? 'General'));
    // A response over the limit fails like a request over it.
    if (jsonBytes(this.values_) > PAYLOAD_LIMIT_BYTES) throw new OfficeLikeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
  }
  get values() {
    return this.read('values', () => this.values_);
  }
  set values(rows: unknown[][]) {
    this.batch.queue(rows, () => this.write(rows, null));
  }
  get numberFormat() {
    return this.read('numberFormat', () => this.formats_);
  }
  set numberFormat(formats: string[][]) {
    this.batch.queue(formats, () => this.write(null, formats));
  }
  get address() {
    return this.read('address', () => this.address_);
  }
  set columnHidden(hidden: boolean) {
    this.batch.queue(hidden, () => {
      const a = this.requireArea();
      for (let c = a.col; c < a.col + a.cols; c++) (hidden ? this.sheet().hiddenColumns.add(c) : this.sheet().hiddenColumns.delete(c));
    });
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
    this.batch.queue(null, () => {
      const a = this.requireArea();
      for (let r = a.row; r < a.row + Math.min(a.rows, 1_048_576); r++) for (let c = a.col; c < a.col + a.cols; c++) this.sheet().cells.delete(this.sheet().key(r, c));
    });
  }
  private requireArea(): Area {
    const a = this.area();
    if (!a) throw new OfficeLikeError('ItemNotFound', 'The requested resource doesn\'t exist.');
    return a;
  }
  private write(values: unknown[][] | null, formats: string[][] | null) {
    const a = this.requireArea();
    const grid = values ?? formats!;
    if (grid.length !== a.rows || grid.some((row) => row.length !== a.cols)) {
      throw new OfficeLikeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${addressOf(a)}).`);
    }
    const s = this.sheet();
    for (let r = 0; r < a.rows; r++) {
      for (let c = 0; c < a.cols; c++) {
        const cell = s.get(a.row + r, a.col + c) ?? { value: '', format: 'General' };
        if (formats) cell.format = formats[r]![c]!;
        if (values) cell.value = storedValue(values[r]![c], cell.format);
        s.cells.set(s.key(a.row + r, a.col + c), cell);
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
  isNullObject = false;
  constructor(
    batch: Batch,
    private resolve: () => Sheet | undefined,
  ) {
    super(batch);
  }
  protected snapshot() {
    const s = this.resolve();
    this.isNullObject = !s;
    if (s) {
      this.name_ = s.name;
      this.visibility_ = s.visibility;
    }
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
  getRange(address: string) {
    const area = parseAddress(address);
    return new FakeRange(this.batch, this.sheet, () => area);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number) {
    return new FakeRange(this.batch, this.sheet, () => ({ row, col, rows, cols }));
  }
  getUsedRange(_valuesOnly?: boolean) {
    return new FakeRange(this.batch, this.sheet, () => this.sheet().used());
  }
  delete() {
    this.batch.queue(null, () => {
      const s = this.sheet();
      this.batch.state.sheets = this.batch.state.sheets.filter((x) => x !== s);
    });
  }
  activate() {
    this.batch.queue(null, () => void this.sheet());
  }
  get freezePanes() {
    return { freezeRows: (n: number) => this.batch.queue(n, () => (this.sheet().frozenRows = n)) };
  }
  get autoFilter() {
    return { apply: (range: FakeRange | string) => this.batch.queue(null, () => (this.sheet().filter = typeof range === 'string' ? parseAddress(range) : range.areaNow())) };
  }
}

export class FakeWorksheets {
  constructor(private batch: Batch) {}
  getItem(name: string) {
    return new FakeWorksheet(this.batch, () => this.batch.state.find(name));
  }
  getItemOrNullObject(name: string) {
    return this.getItem(name);
  }
  add(name: string) {
    this.batch.queue(name, () => {
      if (this.batch.state.find(name)) throw new OfficeLikeError('ItemAlreadyExists', `A worksheet named '${name}' already exists.`);
      this.batch.state.sheets.push(new Sheet(name));
    });
    return this.getItem(name);
  }
}

export class FakeRequestContext {
  readonly workbook: { worksheets: FakeWorksheets };
  private batch: Batch;
  constructor(private state: FakeWorkbookState) {
    this.batch = new Batch(state);
    this.workbook = { worksheets: new FakeWorksheets(this.batch) };
  }
  /** Sends the queued operations as one request; refuses it whole when it is over the size limit. */
  async sync(): Promise<void> {
    const bytes = this.batch.ops.reduce((n, op) => n + op.size, 0);
    const { ops, loads } = this.batch;
    this.batch.ops = [];
    this.batch.loads = [];
    this.state.stats.syncs++;
    this.state.stats.requests.push(bytes);
    this.state.stats.largestRequestBytes = Math.max(this.state.stats.largestRequestBytes, bytes);
    if (bytes > PAYLOAD_LIMIT_BYTES) throw new OfficeLikeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".');
    for (const op of ops) op.run();
    for (const load of loads) load();
  }
}

/** `Excel.run` over a fake workbook: what the preview page installs as the global `Excel`. */
export function fakeExcel(state = new FakeWorkbookState()) {
  return {
    state,
    run: async <T>(fn: (context: FakeRequestContext) => Promise<T>): Promise<T> => fn(new FakeRequestContext(state)),
  };
}
