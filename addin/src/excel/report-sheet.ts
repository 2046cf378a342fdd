// A report sheet: blocks of cells (each a header and rows) placed on one sheet, and native Excel charts over them.
// Writing it again refreshes it in place: the cells are cleared and rewritten, and each chart, found by its name, is
// pointed at its new source cells with setData — the operator's own placement and size of a chart are kept, and no
// second chart piles up. Charts are added (and placed) only the first time.
import type { CellValue } from '../sheet/cells.ts';
import { runExcel } from './run.ts';
import { keepFormulaText } from './sheets.ts';

export type CellArea = { row: number; col: number; rows: number; cols: number };

export type ReportBlock = {
  row: number;
  col: number;
  header: string[];
  rows: CellValue[][];
  /** Number formats by the block's own column index: '@' keeps text (days stay text, not dates), '#,##0' won. */
  formats?: Record<number, string>;
};

export type ReportChart = {
  /** The chart's name in the workbook: how a refresh finds it again. */
  name: string;
  type: 'ColumnStacked' | 'Pie';
  source: CellArea;
  seriesBy: 'Columns' | 'Rows';
  title: string;
  /** Where a new chart goes (cells it covers); an existing chart stays where the operator left it. */
  place: CellArea;
};

export type ReportSpec = {
  name: string;
  title: string;
  blocks: ReportBlock[];
  /** Charts to keep; a chart named in `removeCharts` is deleted when present (e.g. nothing to draw). */
  charts: ReportChart[];
  removeCharts?: string[];
  /** Column widths in characters, from column A. */
  widths?: number[];
  activate?: boolean;
};

export async function writeReport(spec: ReportSpec): Promise<void> {
  await runExcel(async (context) => {
    const sheets = context.workbook.worksheets;
    let sheet = sheets.getItemOrNullObject(spec.name);
    await context.sync();
    if (sheet.isNullObject) sheet = sheets.add(spec.name);
    else sheet.getRange().clear();
    const title = sheet.getRangeByIndexes(0, 0, 1, 1);
    title.values = [[spec.title]];
    title.format.font.bold = true;
    for (const b of spec.blocks) {
      const width = b.header.length;
      const header = sheet.getRangeByIndexes(b.row, b.col, 1, width);
      header.values = [b.header];
      header.format.font.bold = true;
      if (!b.rows.length) continue;
      // Formats before values, in the same request: a day written into a General cell would become a date.
      for (const [c, fmt] of Object.entries(b.formats ?? {}))
        sheet.getRangeByIndexes(b.row + 1, b.col + Number(c), b.rows.length, 1).numberFormat = b.rows.map(() => [fmt]);
      keepFormulaText(
        sheet,
        b.row + 1,
        b.col,
        b.rows,
        Object.entries(b.formats ?? {}).flatMap(([c, fmt]) => (fmt === '@' ? [Number(c)] : [])),
      );
      sheet.getRangeByIndexes(b.row + 1, b.col, b.rows.length, width).values = b.rows;
    }
    spec.widths?.forEach((chars, column) => (sheet.getRangeByIndexes(0, column, 1, 1).format.columnWidth = Math.round(chars * 7 + 5)));
    const area = (a: CellArea) => sheet.getRangeByIndexes(a.row, a.col, a.rows, a.cols);
    const found = [...spec.charts.map((c) => c.name), ...(spec.removeCharts ?? [])].map((name) => sheet.charts.getItemOrNullObject(name));
    await context.sync();
    spec.charts.forEach((c, i) => {
      let chart = found[i]!;
      if (chart.isNullObject) {
        chart = sheet.charts.add(c.type, area(c.source), c.seriesBy);
        chart.name = c.name;
        chart.setPosition(
          area({ ...c.place, rows: 1, cols: 1 }),
          area({ row: c.place.row + c.place.rows - 1, col: c.place.col + c.place.cols - 1, rows: 1, cols: 1 }),
        );
      } else chart.setData(area(c.source), c.seriesBy);
      chart.title.text = c.title;
      chart.legend.position = c.type === 'Pie' ? 'Right' : 'Bottom';
    });
    found.slice(spec.charts.length).forEach((chart) => {
      if (!chart.isNullObject) chart.delete();
    });
    if (spec.activate) sheet.activate();
    await context.sync();
  });
}
