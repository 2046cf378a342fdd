// An in-browser workbook that implements the part of the Excel JavaScript API the add-in uses, with the rules
// that make real add-ins fail: objects are proxies whose writes are queued and sent at `context.sync()`, a property
// can only be read after `load()` and a sync, one request over 5 MB is refused as Excel on the web refuses it, and
// a cell keeps text only when its number format is text ("@") — otherwise digits become a number with at most 15
// significant digits, as Excel does. The preview page (/preview) and the tests run the pane against it.
// The parts live in ./fake-excel/: cells and addresses, the workbook's state, the request and its size accounting,
// ranges, worksheets. This module is the entry point the preview, tests and benchmarks import.
import { FakeWorksheets, FakeRangeAreas } from './fake-excel/worksheets.ts';
import { Batch } from './fake-excel/request.ts';
import { FakeWorkbookState } from './fake-excel/workbook.ts';

export { OfficeLikeError, addressOf, columnLetters, parseAddress, storedValue, type Area, type Cell } from './fake-excel/cells.ts';
export { PAYLOAD_LIMIT_BYTES } from './fake-excel/request.ts';
export { DEFAULT_COLUMN_WIDTH_PT, FakeRange } from './fake-excel/range.ts';
export { FakeWorkbookState, Sheet, type ChartSeriesBy, type ChartState, type SelectionChangedArgs, type SyncStats } from './fake-excel/workbook.ts';
export { FakeWorksheet, FakeWorksheets } from './fake-excel/worksheets.ts';
export { FakeChart, FakeChartCollection } from './fake-excel/charts.ts';

export class FakeRequestContext {
  readonly workbook: { worksheets: FakeWorksheets; getSelectedRanges: () => FakeRangeAreas };
  private batch: Batch;
  constructor(state: FakeWorkbookState) {
    this.batch = new Batch(state);
    this.batch.context = this;
    this.workbook = { worksheets: new FakeWorksheets(this.batch), getSelectedRanges: () => new FakeRangeAreas(this.batch) };
  }
  /**
   * Sends the queued operations as one request; refuses it whole when it is over the size limit, and fails when
   * the answer to its loads would be over the limit.
   */
  async sync(): Promise<void> {
    this.batch.send();
  }
}

/** `Excel.run` over a fake workbook: what the preview page installs as the global `Excel`. */
export function fakeExcel(state = new FakeWorkbookState()) {
  return {
    state,
    /** `Excel.run(batch)`, or `Excel.run(context, batch)` to go on with an earlier context (removing an event handler). */
    run: async <T>(
      first: FakeRequestContext | ((context: FakeRequestContext) => Promise<T>),
      fn?: (context: FakeRequestContext) => Promise<T>,
    ): Promise<T> => (typeof first === 'function' ? first(new FakeRequestContext(state)) : fn!(first)),
  };
}
