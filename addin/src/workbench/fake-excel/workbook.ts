// The workbook's state behind the fake API (sheets, their cells and layout, the selection, the sync counters) and
// what the user's hands do to it outside the API.
import { addressOf, storedValue, type Area, type Cell } from './cells.ts';

/** What Excel hands a selection-changed handler (Excel.WorksheetSelectionChangedEventArgs). */
export type SelectionChangedArgs = { address: string; type: 'WorksheetSelectionChanged'; worksheetId: string };

export type ChartSeriesBy = 'Auto' | 'Columns' | 'Rows';

/** A chart as the workbook holds it. */
export type ChartState = {
  name: string;
  chartType: string;
  source: Area;
  seriesBy: ChartSeriesBy;
  title: string;
  legendPosition: string;
  /** Cells the chart covers, top-left to bottom-right; null until placed (Excel puts it near the source). */
  position: { from: Area; to: Area } | null;
};

export type SyncStats = { syncs: number; largestRequestBytes: number; largestResponseBytes?: number; requests: number[] };

let sheetIds = 0;

export class Sheet {
  /** Excel's worksheet id (a GUID there): what a selection-changed event names the sheet by. */
  readonly id = `{00000000-0001-0000-0000-${String(++sheetIds).padStart(12, '0')}}`;
  /** Rows of cells; a missing row or cell is empty. */
  grid: (Cell | undefined)[][] = [];
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  frozenRows = 0;
  filter: Area | null = null;
  hiddenColumns = new Set<number>();
  columnWidths = new Map<number, number>();
  boldRows = new Set<number>();
  validations: { area: Area; list: string }[] = [];
  /** Floating charts over the sheet's cells (clearing cells leaves them). */
  charts: ChartState[] = [];
  constructor(public name: string) {}

  get(r: number, c: number): Cell | undefined {
    return this.grid[r]?.[c];
  }
  set(r: number, c: number, cell: Cell): void {
    (this.grid[r] ??= [])[c] = cell;
  }
  clear(a: Area): void {
    // Range.clear() takes formats too: the bold the fake keeps per row goes with rows cleared whole.
    if (a.col === 0 && a.cols >= 16_384) for (const r of [...this.boldRows]) if (r >= a.row && r < a.row + a.rows) this.boldRows.delete(r);
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
  /**
   * Handlers added with `worksheets.onSelectionChanged.add` (or a worksheet's): Excel calls them after the user's
   * selection changed, with the new selection's address; a worksheet's own handlers only for its selections.
   */
  selectionHandlers: { sheet: string | null; handler: (args: SelectionChangedArgs) => Promise<unknown> }[] = [];
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
  /** Deleting a whole column; the columns to its right move left (its width and hidden state go with it). */
  userDeleteColumn(sheet: string, col: number): void {
    const s = this.sheetNamed(sheet);
    for (const row of s.grid) row?.splice(col, 1);
    const left = (c: number) => (c > col ? c - 1 : c);
    s.hiddenColumns = new Set([...s.hiddenColumns].filter((c) => c !== col).map(left));
    s.columnWidths = new Map([...s.columnWidths].filter(([c]) => c !== col).map(([c, w]) => [left(c), w]));
    this.onChange?.();
  }
  /** Moves a whole column to another place (cut + insert): its width and hidden state go with it, as in Excel. */
  userMoveColumn(sheet: string, from: number, to: number): void {
    const s = this.sheetNamed(sheet);
    for (const row of s.grid) {
      if (!row) continue;
      while (row.length <= Math.max(from, to)) row.push(undefined);
      const [cell] = row.splice(from, 1);
      row.splice(to, 0, cell);
    }
    // Where column c ends up: the columns between the two places shift by one.
    const moved = (c: number) => (c === from ? to : from < to && c > from && c <= to ? c - 1 : to < from && c >= to && c < from ? c + 1 : c);
    s.hiddenColumns = new Set([...s.hiddenColumns].map(moved));
    s.columnWidths = new Map([...s.columnWidths].map(([c, w]) => [moved(c), w]));
    this.onChange?.();
  }
  /** Dragging a column's edge (a width in points). */
  userSetColumnWidth(sheet: string, col: number, points: number): void {
    this.sheetNamed(sheet).columnWidths.set(col, points);
    this.onChange?.();
  }
  /** Hide / Unhide on a column's menu. */
  userHideColumn(sheet: string, col: number, hidden = true): void {
    const s = this.sheetNamed(sheet);
    if (hidden) s.hiddenColumns.add(col);
    else s.hiddenColumns.delete(col);
    this.onChange?.();
  }
  /** The user selects cells (a click, a drag, row numbers): Excel then raises the selection-changed events. */
  select(sheet: string, areas: Area[]): void {
    this.selection = { sheet, areas };
    this.onChange?.();
    const s = this.find(sheet);
    if (!s) return;
    const args: SelectionChangedArgs = { address: areas.map(addressOf).join(','), type: 'WorksheetSelectionChanged', worksheetId: s.id };
    for (const h of this.selectionHandlers) if (h.sheet === null || h.sheet === s.id) void h.handler(args);
  }
}
