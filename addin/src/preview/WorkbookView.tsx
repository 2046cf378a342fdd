// The workbook of the preview, drawn like a small Excel: sheet tabs, column letters, row numbers, a frozen header,
// hidden columns left out, text vs number cells shown as Excel shows them. The operator can select (click, shift-
// click, row numbers), type, paste blocks of cells and delete — all straight into the fake workbook, as their hands
// would in Excel. Only the rows in view are drawn, so a 50,000-line sheet scrolls.
import { useEffect, useReducer, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { mergeClasses } from '@fluentui/react-components';
import { columnLetters, type Area, type ChartState, type FakeWorkbookState } from '../workbench/fake-excel.ts';
import { ChartView } from './ChartView.tsx';
import { HEADER_WIDTH, ROW_HEIGHT, usePreviewStyles } from './styles.ts';

const DEFAULT_WIDTH = 72;

/** What Excel shows for a value: long numbers in General cells turn scientific (the reason for text formats). */
function display(value: unknown, format: string | undefined): string {
  if (typeof value === 'number' && format !== '@' && Math.abs(value) >= 1e11) return value.toExponential(2).toUpperCase();
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // The number formats the add-in sets on report sheets: thousands (won) and percent.
  if (typeof value === 'number' && format === '#,##0') return Math.round(value).toLocaleString('en-US');
  if (typeof value === 'number' && format === '0.0%') return `${(value * 100).toFixed(1)}%`;
  return value === undefined ? '' : String(value);
}

export function WorkbookView({ state }: { state: FakeWorkbookState }) {
  const ui = usePreviewStyles();
  const [, redraw] = useReducer((x: number) => x + 1, 0);
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(600);
  const [editing, setEditing] = useState<{ row: number; col: number; text: string } | null>(null);
  const anchor = useRef<{ row: number; col: number }>({ row: 0, col: 0 });
  const dragging = useRef(false);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    state.onChange = redraw;
    return () => void (state.onChange = null);
  }, [state]);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const visibleSheets = state.sheets.filter((s) => s.visibility === 'Visible');
  const sheet = state.find(state.active) ?? visibleSheets[0]!;
  const used = sheet.used();
  const rowCount = Math.max((used?.rows ?? 0) + 20, 60);
  // Columns to draw: the used ones and a few more, and as far as the last chart reaches.
  const chartsReach = Math.max(0, ...sheet.charts.map((c) => (c.position ? c.position.to.col : c.source.col + c.source.cols + 8) + 2));
  const columns = Array.from({ length: Math.max((used?.cols ?? 0) + 3, 12, chartsReach) }, (_, c) => c).filter((c) => !sheet.hiddenColumns.has(c));
  const widthOf = (c: number) => (sheet.columnWidths.get(c) ?? DEFAULT_WIDTH) as number;
  const frozen = sheet.frozenRows;
  const first = Math.max(frozen, Math.floor(top / ROW_HEIGHT));
  const last = Math.min(rowCount, first + Math.ceil(height / ROW_HEIGHT) + 1);
  const rows = [...Array.from({ length: frozen }, (_, r) => r), ...Array.from({ length: Math.max(0, last - first) }, (_, i) => first + i)];
  const selection = state.selection.sheet === sheet.name ? state.selection.areas : [];
  const selected = (r: number, c: number) => selection.some((a) => r >= a.row && r < a.row + a.rows && c >= a.col && c < a.col + a.cols);

  const selectTo = (row: number, col: number, extend: boolean) => {
    if (!extend) anchor.current = { row, col };
    const a = anchor.current;
    const area: Area = { row: Math.min(a.row, row), col: Math.min(a.col, col), rows: Math.abs(row - a.row) + 1, cols: Math.abs(col - a.col) + 1 };
    state.select(sheet.name, [area]);
  };
  const selectRows = (row: number, extend: boolean) => {
    if (!extend) anchor.current = { row, col: 0 };
    const from = Math.min(anchor.current.row, row);
    state.select(sheet.name, [{ row: from, col: 0, rows: Math.abs(row - anchor.current.row) + 1, cols: 16_384 }]);
  };
  const commit = () => {
    if (editing) state.userEdit(sheet.name, editing.row, editing.col, editing.text);
    setEditing(null);
    box.current?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    if (editing) return;
    const a = anchor.current;
    const move = { ArrowDown: [1, 0], ArrowUp: [-1, 0], ArrowRight: [0, 1], ArrowLeft: [0, -1], Enter: [1, 0] }[e.key];
    if (move) {
      e.preventDefault();
      selectTo(Math.max(0, a.row + move[0]!), Math.max(0, a.col + move[1]!), false);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      for (const area of selection)
        for (let r = area.row; r < area.row + area.rows; r++)
          for (let c = area.col; c < area.col + Math.min(area.cols, (used?.cols ?? 0) + 1); c++) state.userEdit(sheet.name, r, c, '');
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey) {
      setEditing({ row: a.row, col: a.col, text: e.key });
      e.preventDefault();
    }
  };
  // A block copied from Excel or a text file arrives tab- and line-separated; it fills down and right from the anchor.
  const onPaste = (e: React.ClipboardEvent) => {
    if (editing) return;
    e.preventDefault();
    const lines = e.clipboardData.getData('text/plain').replace(/\r/g, '').replace(/\n$/, '').split('\n');
    lines.forEach((line, i) =>
      line.split('\t').forEach((text, j) => state.userEdit(sheet.name, anchor.current.row + i, anchor.current.col + j, text)),
    );
    selectTo(anchor.current.row + lines.length - 1, anchor.current.col, true);
  };

  // Where a chart sits: over the cells it covers (hidden columns take no room), or right of its source until placed.
  const xOf = (col: number) =>
    HEADER_WIDTH + Array.from({ length: col }, (_, c) => (sheet.hiddenColumns.has(c) ? 0 : widthOf(c))).reduce((n, w) => n + w, 0);
  const chartBox = (chart: ChartState) => {
    const { from, to } = chart.position ?? {
      from: { ...chart.source, col: chart.source.col + chart.source.cols + 1 },
      to: { ...chart.source, col: chart.source.col + chart.source.cols + 8, row: chart.source.row + 15 },
    };
    const left = xOf(from.col);
    return { left, top: ROW_HEIGHT * (from.row + 1), width: xOf(to.col + 1) - left, height: ROW_HEIGHT * (to.row - from.row + 1) };
  };
  const cellStyle = (c: number, r: number): React.CSSProperties => ({
    width: widthOf(c),
    minWidth: widthOf(c),
    height: ROW_HEIGHT,
    boxSizing: 'border-box',
    borderRight: '1px solid #e1e1e1',
    borderBottom: '1px solid #e1e1e1',
    padding: '0 4px',
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
    fontWeight: sheet.boldRows.has(r) ? 600 : 400,
    background: selected(r, c) ? '#cfe3f7' : r < frozen ? '#f7f7f7' : 'white',
  });

  return (
    <div className={ui.view}>
      <div
        ref={box}
        tabIndex={0}
        data-testid="grid"
        onKeyDown={onKey}
        onPaste={onPaste}
        onScroll={(e) => setTop(e.currentTarget.scrollTop)}
        onMouseUp={() => (dragging.current = false)}
        className={ui.scroller}
      >
        <div style={{ height: (rowCount + 1) * ROW_HEIGHT, width: HEADER_WIDTH + columns.reduce((n, c) => n + widthOf(c), 0) }}>
          <div className={ui.columnHeaders}>
            <div className={ui.corner} />
            {columns.map((c) => (
              <div key={c} className={ui.columnHeader} style={{ ...cellStyle(c, -1), background: undefined }}>
                {columnLetters(c)}
                {sheet.filter && c >= sheet.filter.col && c < sheet.filter.col + sheet.filter.cols ? ' ▾' : ''}
              </div>
            ))}
          </div>
          {rows.map((r) => (
            <div
              key={r}
              data-row={r}
              style={{
                display: 'flex',
                position: r < frozen ? 'sticky' : 'absolute',
                top: r < frozen ? ROW_HEIGHT * (r + 1) : ROW_HEIGHT * (r + 1),
                zIndex: r < frozen ? 2 : 1,
              }}
            >
              <div onMouseDown={(e: MouseEvent) => selectRows(r, e.shiftKey)} data-row-header={r + 1} className={ui.rowHeader}>
                {r + 1}
              </div>
              {columns.map((c) => {
                const cell = sheet.get(r, c);
                if (editing && editing.row === r && editing.col === c) {
                  return (
                    <input
                      key={c}
                      autoFocus
                      value={editing.text}
                      onChange={(e) => setEditing({ ...editing, text: e.target.value })}
                      onBlur={commit}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') {
                          commit();
                          selectTo(r + 1, c, false);
                        } else if (e.key === 'Escape') setEditing(null);
                      }}
                      className={ui.editor}
                      // The editor's border is its class's on every side.
                      style={{ ...cellStyle(c, r), borderRight: undefined, borderBottom: undefined }}
                    />
                  );
                }
                return (
                  <div
                    key={c}
                    data-cell={`${columnLetters(c)}${r + 1}`}
                    onMouseDown={(e) => {
                      dragging.current = true;
                      selectTo(r, c, e.shiftKey);
                    }}
                    onMouseEnter={() => dragging.current && selectTo(r, c, true)}
                    onDoubleClick={() => setEditing({ row: r, col: c, text: display(cell?.value, cell?.format) })}
                    style={{ ...cellStyle(c, r), textAlign: typeof cell?.value === 'number' ? 'right' : 'left' }}
                  >
                    {display(cell?.value, cell?.format)}
                  </div>
                );
              })}
            </div>
          ))}
          {sheet.charts.map((chart) => (
            <ChartView key={chart.name} sheet={sheet} chart={chart} box={chartBox(chart)} />
          ))}
        </div>
      </div>
      <div role="tablist" className={ui.tabs}>
        {visibleSheets.map((s) => (
          <button
            key={s.name}
            role="tab"
            aria-selected={s === sheet}
            onClick={() => {
              state.active = s.name;
              redraw();
            }}
            className={mergeClasses(ui.tab, s === sheet && ui.tabActive)}
          >
            {s.name}
          </button>
        ))}
      </div>
    </div>
  );
}
