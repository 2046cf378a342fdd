// Ranges of the fake workbook: values and number formats read after a load and written at the sync, and the
// column, font and data-validation settings the order sheet uses.
import { OfficeLikeError, addressOf, storedValue, type Area, type Cell } from './cells.ts';
import { ClientObject, jsonBytes, type Batch } from './request.ts';
import type { Sheet } from './workbook.ts';

/** Excel's standard column width (8.43 characters of Calibri 11) in points. */
export const DEFAULT_COLUMN_WIDTH_PT = 48;

/** A 2D array assigned to a range, or one value for every cell (Office.js accepts both). */
type Grid<T> = T[][] | T;

export class FakeRange extends ClientObject {
  private values_: Cell['value'][][] = [];
  private formats_: string[][] = [];
  private address_ = '';
  private area_: Area | null = null;
  private columnHidden_: boolean | null = null;
  private columnWidth_: number | null = null;
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
    // As in Excel: one value when every column of the range agrees, null when they differ.
    const cols = Array.from({ length: Math.min(a.cols, 16_384) }, (_, i) => a.col + i);
    const same = <T>(xs: T[]) => (xs.every((x) => x === xs[0]) ? (xs[0] ?? null) : null);
    this.columnHidden_ = same(cols.map((c) => s.hiddenColumns.has(c)));
    this.columnWidth_ = same(cols.map((c) => s.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH_PT));
    if (!this.loaded.has('values') && !this.loaded.has('numberFormat') && !this.loaded.has('*')) return jsonBytes(this.address_);
    if (a.rows * a.cols > 5_000_000) throw new OfficeLikeError('GeneralException', 'The range has more than 5,000,000 cells.');
    this.values_ = Array.from({ length: a.rows }, (_, r) => Array.from({ length: a.cols }, (_, c) => s.get(a.row + r, a.col + c)?.value ?? ''));
    this.formats_ = Array.from({ length: a.rows }, (_, r) =>
      Array.from({ length: a.cols }, (_, c) => s.get(a.row + r, a.col + c)?.format ?? 'General'),
    );
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
  get columnHidden() {
    return this.read('columnHidden', () => this.columnHidden_) as boolean;
  }
  set columnHidden(hidden: boolean) {
    this.batch.queue(hidden, () => {
      const a = this.requireArea();
      for (let c = a.col; c < a.col + Math.min(a.cols, 16_384); c++)
        hidden ? this.sheet().hiddenColumns.add(c) : this.sheet().hiddenColumns.delete(c);
    });
  }
  get format() {
    const range = this;
    return {
      /** `range.format.load('columnWidth')` is `range.load('format/columnWidth')`, as in Office.js. */
      load: (props: string) => range.load(props.split(',').map((p) => `format/${p.trim()}`)),
      get columnWidth() {
        return range.read('format/columnWidth', () => range.columnWidth_) as number;
      },
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
            for (let r = a.row; r < a.row + a.rows; r++) bold ? range.sheet().boldRows.add(r) : range.sheet().boldRows.delete(r);
          });
        },
      },
    };
  }
  get dataValidation() {
    const range = this;
    return {
      clear: () =>
        range.batch.queue(null, () => (range.sheet().validations = range.sheet().validations.filter((v) => !overlaps(v.area, range.requireArea())))),
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
    if (!a) throw new OfficeLikeError('ItemNotFound', "The requested resource doesn't exist.");
    return a;
  }
  private write(values: Grid<unknown> | null, formats: Grid<string> | null) {
    const a = this.requireArea();
    const grid = (values ?? formats!) as Grid<unknown>;
    const single = !Array.isArray(grid);
    if (single && a.rows * a.cols > 5_000_000)
      throw new OfficeLikeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
    if (!single && (grid.length !== a.rows || grid.some((row) => row.length !== a.cols))) {
      throw new OfficeLikeError(
        'InvalidArgument',
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${addressOf(a)}).`,
      );
    }
    const at = <T>(g: Grid<T>, r: number, c: number): T => (Array.isArray(g) ? (g as T[][])[r]![c]! : g);
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
