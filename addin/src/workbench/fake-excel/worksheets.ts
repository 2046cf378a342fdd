// Worksheets, the worksheet collection and the selection of the fake workbook.
import { OfficeLikeError, parseAddress, type Area } from './cells.ts';
import { FakeChartCollection } from './charts.ts';
import { FakeRange } from './range.ts';
import { ClientObject, jsonBytes, type Batch } from './request.ts';
import { Sheet, type SelectionChangedArgs } from './workbook.ts';

type SelectionHandler = (args: SelectionChangedArgs) => Promise<unknown>;

/**
 * `onSelectionChanged` of a worksheet (its own selections) or of the collection (any sheet's), as in Office.js:
 * `add` is sent with the next sync and answers an EventHandlerResult whose `remove()` is sent with a later one.
 */
function selectionEvent(batch: Batch, sheet: () => string | null) {
  return {
    add(handler: SelectionHandler) {
      const entry = { sheet: null as string | null, handler };
      batch.queue(null, () => {
        entry.sheet = sheet();
        batch.state.selectionHandlers.push(entry);
      });
      return {
        context: batch.context,
        remove: () => batch.queue(null, () => (batch.state.selectionHandlers = batch.state.selectionHandlers.filter((h) => h !== entry))),
      };
    },
  };
}

const WHOLE_SHEET: Area = { row: 0, col: 0, rows: 1_048_576, cols: 16_384 };

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
    if (!s) throw new OfficeLikeError('ItemNotFound', "The requested resource doesn't exist.");
    return s;
  };
  get name() {
    return this.read('name', () => this.name_);
  }
  get onSelectionChanged() {
    return selectionEvent(this.batch, () => this.sheet().id);
  }
  get visibility() {
    return this.read('visibility', () => this.visibility_);
  }
  set visibility(v: 'Visible' | 'Hidden' | 'VeryHidden') {
    this.batch.queue(v, () => (this.sheet().visibility = v));
  }
  get charts() {
    return new FakeChartCollection(this.batch, this.sheet);
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
      if (!used) throw new OfficeLikeError('ItemNotFound', "The requested resource doesn't exist.");
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
      if (visible.length === 1 && visible[0] === s)
        throw new OfficeLikeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
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
      apply: (range: FakeRange | string) =>
        this.batch.queue(null, () => (this.sheet().filter = typeof range === 'string' ? parseAddress(range) : range.areaNow())),
      remove: () => this.batch.queue(null, () => (this.sheet().filter = null)),
    };
  }
}

export class FakeWorksheets {
  constructor(private batch: Batch) {}
  get onSelectionChanged() {
    return selectionEvent(this.batch, () => null);
  }
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
export class FakeRangeAreas extends ClientObject {
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
