// Charts of the fake workbook: a chart is a floating object on a sheet with a type, a source range and how that
// range splits into series, as Excel's ChartCollection.add(type, sourceData, seriesBy) makes it. Clearing cells
// leaves charts alone (they are shapes, not cells), and a chart reads its cells when drawn, so it follows later
// writes to its source — which is how the 매출 sheet is refreshed in place.
import { OfficeLikeError, parseAddress } from './cells.ts';
import type { FakeRange } from './range.ts';
import { ClientObject, jsonBytes, type Batch } from './request.ts';
import type { ChartSeriesBy, ChartState, Sheet } from './workbook.ts';

/** The chart types the fake draws; Excel has many more, the add-in uses these. */
const KNOWN_TYPES = new Set(['ColumnClustered', 'ColumnStacked', 'ColumnStacked100', 'Pie', 'Doughnut', 'Line', 'BarClustered', 'BarStacked']);

const areaOf = (cell: FakeRange | string) => (typeof cell === 'string' ? parseAddress(cell) : cell.areaNow());

export class FakeChart extends ClientObject {
  private name_ = '';
  private chartType_ = '';
  readonly title: { text?: string };
  readonly legend: { position?: string };
  constructor(
    batch: Batch,
    private resolve: () => ChartState | undefined,
  ) {
    super(batch);
    const chart = () => this.chart();
    const queue = (payload: unknown, run: () => void) => this.batch.queue(payload, run);
    // Only the setters the add-in uses; reading them back would need their own load, which nothing here does.
    this.title = {
      set text(v: string) {
        queue(v, () => (chart().title = v));
      },
    };
    this.legend = {
      set position(v: string) {
        queue(v, () => (chart().legendPosition = v));
      },
    };
  }
  private chart(): ChartState {
    const c = this.resolve();
    if (!c) throw new OfficeLikeError('ItemNotFound', "The requested resource doesn't exist.");
    return c;
  }
  protected snapshot(): number {
    const c = this.resolve();
    if (c) {
      this.name_ = c.name;
      this.chartType_ = c.chartType;
    }
    return jsonBytes([this.name_, this.chartType_]);
  }
  get name() {
    return this.read('name', () => this.name_);
  }
  set name(v: string) {
    this.batch.queue(v, () => (this.chart().name = v));
  }
  get chartType() {
    return this.read('chartType', () => this.chartType_);
  }
  set chartType(v: string) {
    this.batch.queue(v, () => {
      if (!KNOWN_TYPES.has(v)) throw new OfficeLikeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      this.chart().chartType = v;
    });
  }
  /** Chart.setData: the same chart over new source cells (its place, title and name are kept). */
  setData(sourceData: FakeRange, seriesBy: ChartSeriesBy = 'Auto') {
    this.batch.queue(null, () => {
      const c = this.chart();
      c.source = sourceData.areaNow();
      c.seriesBy = seriesBy;
    });
  }
  /** Chart.setPosition: covers the cells from startCell to endCell. */
  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string) {
    this.batch.queue(null, () => {
      const from = areaOf(startCell);
      this.chart().position = { from, to: endCell ? areaOf(endCell) : from };
    });
  }
  delete() {
    this.batch.queue(null, () => {
      const c = this.chart();
      for (const s of this.batch.state.sheets) s.charts = s.charts.filter((x) => x !== c);
    });
  }
}

export class FakeChartCollection {
  constructor(
    private batch: Batch,
    private sheet: () => Sheet,
  ) {}
  /** ChartCollection.add: a new chart named "Chart N", as Excel names them. */
  add(type: string, sourceData: FakeRange, seriesBy: ChartSeriesBy = 'Auto') {
    let made: ChartState | undefined;
    this.batch.queue(type, () => {
      if (!KNOWN_TYPES.has(type)) throw new OfficeLikeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      const s = this.sheet();
      const taken = new Set(this.batch.state.sheets.flatMap((x) => x.charts.map((c) => c.name)));
      let n = 1;
      while (taken.has(`Chart ${n}`)) n++;
      made = { name: `Chart ${n}`, chartType: type, source: sourceData.areaNow(), seriesBy, title: '', legendPosition: 'Right', position: null };
      s.charts.push(made);
    });
    return new FakeChart(this.batch, () => made);
  }
  getItem(name: string) {
    // Found once, when the first queued operation runs: a rename later in the batch still refers to the same chart.
    let found: ChartState | undefined;
    return new FakeChart(this.batch, () => (found ??= this.sheet().charts.find((c) => c.name === name)));
  }
  getItemOrNullObject(name: string) {
    return this.getItem(name).nullable(() => this.sheet().charts.some((c) => c.name === name));
  }
}
