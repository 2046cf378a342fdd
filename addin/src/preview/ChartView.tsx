// A chart of the preview workbook, drawn over the cells it covers as Excel draws a floating chart: it reads its
// source cells every time it is drawn (first row = series names, first column = categories when series are by
// columns), so a refresh of the cells shows at once. Stacked columns and pies are what the add-in makes.
import type { ChartState, Sheet } from '../workbench/fake-excel.ts';

const COLORS = ['#4472c4', '#ed7d31', '#a5a5a5', '#ffc000', '#5b9bd5', '#70ad47', '#264478', '#9e480e'];

type Series = { name: string; values: number[] };

/** Categories and series of a chart from its source cells. */
export function chartData(sheet: Sheet, chart: ChartState): { categories: string[]; series: Series[] } {
  const { row, col, rows, cols } = chart.source;
  const cell = (r: number, c: number) => sheet.get(row + r, col + c)?.value;
  const byRows = chart.seriesBy === 'Rows';
  const [count, length] = byRows ? [rows - 1, cols - 1] : [cols - 1, rows - 1];
  const at = (s: number, i: number) => (byRows ? cell(s + 1, i + 1) : cell(i + 1, s + 1));
  const categories = Array.from({ length }, (_, i) => String((byRows ? cell(0, i + 1) : cell(i + 1, 0)) ?? ''));
  const series = Array.from({ length: count }, (_, s) => ({
    name: String((byRows ? cell(s + 1, 0) : cell(0, s + 1)) ?? ''),
    values: Array.from({ length }, (_, i) => Number(at(s, i)) || 0),
  }));
  return { categories, series };
}

export function ChartView({
  sheet,
  chart,
  box,
}: {
  sheet: Sheet;
  chart: ChartState;
  box: { left: number; top: number; width: number; height: number };
}) {
  const data = chartData(sheet, chart);
  const { width, height } = box;
  return (
    <svg
      role="img"
      aria-label={chart.title || chart.name}
      data-chart={chart.name}
      width={width}
      height={height}
      style={{ position: 'absolute', left: box.left, top: box.top, zIndex: 3, background: 'white', border: '1px solid #bfbfbf' }}
    >
      <text x={width / 2} y={18} textAnchor="middle" fontSize={13} fontWeight={600}>
        {chart.title}
      </text>
      {chart.chartType === 'Pie' || chart.chartType === 'Doughnut' ? pie(data, width, height) : stacked(data, width, height)}
    </svg>
  );
}

function stacked({ categories, series }: ReturnType<typeof chartData>, width: number, height: number) {
  const left = 56;
  const top = 30;
  const bottom = 56;
  const plotW = width - left - 12;
  const plotH = height - top - bottom;
  const totals = categories.map((_, i) => series.reduce((n, s) => n + Math.max(0, s.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const step = plotW / Math.max(1, categories.length);
  const every = Math.ceil(categories.length / 8);
  return (
    <g fontSize={10}>
      <line x1={left} y1={top + plotH} x2={left + plotW} y2={top + plotH} stroke="#999" />
      <text x={left - 4} y={top + 4} textAnchor="end">
        {max.toLocaleString('ko-KR')}
      </text>
      <text x={left - 4} y={top + plotH} textAnchor="end">
        0
      </text>
      {categories.map((c, i) => {
        let y = top + plotH;
        return (
          <g key={c + i}>
            {series.map((s, k) => {
              const h = (Math.max(0, s.values[i] ?? 0) / max) * plotH;
              y -= h;
              return <rect key={s.name + k} x={left + i * step + step * 0.15} y={y} width={step * 0.7} height={h} fill={COLORS[k % COLORS.length]} />;
            })}
            {i % every === 0 && (
              <text x={left + i * step + step / 2} y={top + plotH + 12} textAnchor="middle">
                {c.slice(5)}
              </text>
            )}
          </g>
        );
      })}
      {legend(
        series.map((s) => s.name),
        left,
        height - 22,
      )}
    </g>
  );
}

function pie({ categories, series }: ReturnType<typeof chartData>, width: number, height: number) {
  const values = series[0]?.values ?? [];
  const total = values.reduce((n, v) => n + Math.max(0, v), 0) || 1;
  const r = Math.min(width * 0.6, height - 50) / 2;
  const cx = 16 + r;
  const cy = 30 + r;
  let angle = -Math.PI / 2;
  return (
    <g fontSize={10}>
      {values.map((v, i) => {
        const a = (Math.max(0, v) / total) * Math.PI * 2;
        const [x1, y1] = [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
        angle += a;
        const [x2, y2] = [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
        const d = a >= Math.PI * 2 - 1e-9 ? undefined : `M${cx},${cy} L${x1},${y1} A${r},${r} 0 ${a > Math.PI ? 1 : 0} 1 ${x2},${y2} Z`;
        return d ? (
          <path key={i} d={d} fill={COLORS[i % COLORS.length]} />
        ) : (
          <circle key={i} cx={cx} cy={cy} r={r} fill={COLORS[i % COLORS.length]} />
        );
      })}
      {categories.map((c, i) => (
        <g key={c + i}>
          <rect x={cx + r + 16} y={36 + i * 16} width={9} height={9} fill={COLORS[i % COLORS.length]} />
          <text x={cx + r + 30} y={44 + i * 16}>
            {`${c} ${Math.round(((values[i] ?? 0) / total) * 100)}%`}
          </text>
        </g>
      ))}
    </g>
  );
}

function legend(names: string[], x: number, y: number) {
  return (
    <g>
      {names.map((n, i) => (
        <g key={n + i} transform={`translate(${x + i * 96},${y})`}>
          <rect width={9} height={9} fill={COLORS[i % COLORS.length]} />
          <text x={13} y={9}>
            {n}
          </text>
        </g>
      ))}
    </g>
  );
}
