// The 매출 sheet from the sales report (GET /api/reports/sales: orders, lines, quantity and won per KST day and
// channel): the rows as the server gives them, a day × channel table of won with every day of the period (a day
// without sales is 0, so the chart's axis has no gaps), a per-channel total with its share, and two native charts —
// won per day stacked by channel, and each channel's share of the period.
import type { z } from 'zod';
import type { salesRow } from '../../../../shared/api/order-views.schema.ts';
import { format, type Lang, type Messages } from '../../../../shared/i18n.ts';
import { daysInclusive } from '../../../../shared/time.ts';
import type { ReportChart, ReportSpec } from '../../excel/report-sheet.ts';
import type { CellValue } from '../../sheet/cells.ts';

export type SalesRow = z.output<typeof salesRow>;

export const SALES_SHEET = '매출';
/** Names of the charts in the workbook (not shown): how a refresh finds them, whatever the pane's language. */
export const SALES_CHARTS = { daily: 'ShipSheet 매출 일별', share: 'ShipSheet 매출 점유율' } as const;

export const salesMessages = {
  title: { ko: '매출 {from} ~ {to} · 합계 {total}원', en: 'Sales {from} – {to} · total ₩{total}' },
  none: { ko: '매출 {from} ~ {to} · 이 기간에 매출이 없습니다', en: 'Sales {from} – {to} · no sales in this period' },
  day: { ko: '일자', en: 'Day' },
  channel: { ko: '판매처', en: 'Channel' },
  orders: { ko: '주문수', en: 'Orders' },
  lines: { ko: '상품주문수', en: 'Lines' },
  quantity: { ko: '수량', en: 'Quantity' },
  amount: { ko: '금액', en: 'Amount' },
  share: { ko: '비중', en: 'Share' },
  chart_daily: { ko: '일별 판매처별 매출 (원)', en: 'Sales per day by channel (₩)' },
  chart_share: { ko: '판매처별 매출 비중', en: 'Share of sales by channel' },
} satisfies Messages;

const WON = '#,##0';
const TEXT = '@';
/** The day × channel table starts here (column H), right of the rows table (A–F) and a spacer column. */
const MATRIX_COL = 7;
const FIRST_ROW = 2;
const CHART_ROWS = 16;
const CHART_COLS = 8;

/** Every day from `from` to `to`, inclusive. */
export function daysOf(from: string, to: string): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: Math.max(0, daysInclusive(from, to)) }, (_, i) => new Date(start + i * 86400_000).toISOString().slice(0, 10));
}

export function salesReport(rows: readonly SalesRow[], period: { from: string; to: string }, lang: Lang): ReportSpec {
  const t = (key: keyof typeof salesMessages, params = {}) => format(salesMessages[key], params, lang);
  const days = daysOf(period.from, period.to);
  // Channels by their name within a kind, largest first: the biggest channel sits at the bottom of each stack.
  const totals = new Map<string, { name: string; orders: number; lines: number; quantity: number; amount: number }>();
  for (const r of rows) {
    const key = `${r.channel_kind}:${r.channel_name}`;
    const t0 = totals.get(key) ?? { name: r.channel_name, orders: 0, lines: 0, quantity: 0, amount: 0 };
    totals.set(key, {
      ...t0,
      orders: t0.orders + r.orders,
      lines: t0.lines + r.lines,
      quantity: t0.quantity + r.quantity,
      amount: t0.amount + r.amount,
    });
  }
  const channels = [...totals].sort(([, a], [, b]) => b.amount - a.amount || a.name.localeCompare(b.name));
  const total = channels.reduce((n, [, c]) => n + c.amount, 0);
  const amountOf = new Map(rows.map((r) => [`${r.day}|${r.channel_kind}:${r.channel_name}`, r.amount]));

  const detail = {
    row: FIRST_ROW,
    col: 0,
    header: [t('day'), t('channel'), t('orders'), t('lines'), t('quantity'), t('amount')],
    rows: rows.map((r): CellValue[] => [r.day, r.channel_name, r.orders, r.lines, r.quantity, r.amount]),
    formats: { 0: TEXT, 1: TEXT, 5: WON },
  };
  const matrix = {
    row: FIRST_ROW,
    col: MATRIX_COL,
    header: [t('day'), ...channels.map(([, c]) => c.name)],
    rows: days.map((day): CellValue[] => [day, ...channels.map(([key]) => amountOf.get(`${day}|${key}`) ?? 0)]),
    formats: { 0: TEXT, ...Object.fromEntries(channels.map((_, i) => [i + 1, WON])) },
  };
  const shareRow = FIRST_ROW + days.length + 3;
  const share = {
    row: shareRow,
    col: MATRIX_COL,
    header: [t('channel'), t('amount'), t('share'), t('orders'), t('lines'), t('quantity')],
    rows: channels.map(([, c]): CellValue[] => [
      c.name,
      c.amount,
      total ? Math.round((c.amount / total) * 1000) / 1000 : 0,
      c.orders,
      c.lines,
      c.quantity,
    ]),
    formats: { 0: TEXT, 1: WON, 2: '0.0%' },
  };
  const chartCol = MATRIX_COL + Math.max(channels.length + 1, share.header.length) + 1;
  const charts: ReportChart[] = channels.length
    ? [
        {
          name: SALES_CHARTS.daily,
          type: 'ColumnStacked',
          source: { row: FIRST_ROW, col: MATRIX_COL, rows: days.length + 1, cols: channels.length + 1 },
          seriesBy: 'Columns',
          title: t('chart_daily'),
          place: { row: FIRST_ROW, col: chartCol, rows: CHART_ROWS, cols: CHART_COLS },
        },
        {
          name: SALES_CHARTS.share,
          type: 'Pie',
          source: { row: shareRow, col: MATRIX_COL, rows: channels.length + 1, cols: 2 },
          seriesBy: 'Columns',
          title: t('chart_share'),
          place: { row: FIRST_ROW + CHART_ROWS + 1, col: chartCol, rows: CHART_ROWS, cols: CHART_COLS },
        },
      ]
    : [];
  return {
    name: SALES_SHEET,
    title: channels.length ? t('title', { ...period, total: total.toLocaleString('ko-KR') }) : t('none', period),
    blocks: [detail, matrix, share],
    charts,
    // Nothing to draw: charts of an earlier refresh would show old figures, so they go.
    removeCharts: channels.length ? [] : Object.values(SALES_CHARTS),
    widths: [11, 16, 7, 9, 7, 12, 2, 11, ...channels.map(() => 12)],
    activate: true,
  };
}
