// The preview workbench's fixed styles (a small Excel beside the pane). What depends on the sheet — column widths,
// row positions of the virtual grid, the selection — stays computed in WorkbookView.
import { makeStyles, tokens } from '@fluentui/react-components';

/** Height of a grid row and width of the row-number column, in px (the virtual grid places rows by them). */
export const ROW_HEIGHT = 22;
export const HEADER_WIDTH = 52;

const EXCEL_GREEN = '#217346';
const CHROME = '#f3f3f3';
const GRID_LINE = '1px solid #e1e1e1';

export const usePreviewStyles = makeStyles({
  split: { display: 'flex', height: '100%' },
  workbook: { flex: 1, minWidth: 0 },
  pane: { width: '380px', borderLeft: `1px solid ${tokens.colorNeutralStroke1}`, overflowY: 'auto' },
  view: { display: 'flex', flexDirection: 'column', height: '100%', font: '13px "Segoe UI", "Malgun Gothic", "NanumGothic", sans-serif' },
  scroller: { flex: 1, overflow: 'auto', position: 'relative', outline: 'none' },
  columnHeaders: { display: 'flex', position: 'sticky', top: 0, zIndex: 3, background: CHROME },
  corner: { width: `${HEADER_WIDTH}px`, minWidth: `${HEADER_WIDTH}px`, position: 'sticky', left: 0, background: CHROME },
  columnHeader: { background: CHROME, textAlign: 'center', color: '#555' },
  rowHeader: {
    width: `${HEADER_WIDTH}px`,
    minWidth: `${HEADER_WIDTH}px`,
    height: `${ROW_HEIGHT}px`,
    position: 'sticky',
    left: 0,
    background: CHROME,
    textAlign: 'right',
    paddingRight: '6px',
    boxSizing: 'border-box',
    color: '#555',
    borderBottom: GRID_LINE,
    cursor: 'e-resize',
  },
  editor: { border: `2px solid ${EXCEL_GREEN}`, font: 'inherit' },
  tabs: { display: 'flex', gap: '2px', borderTop: `1px solid ${tokens.colorNeutralStroke1}`, background: CHROME, padding: '2px 8px' },
  tab: { border: 'none', padding: '4px 12px', background: 'transparent', borderBottom: '2px solid transparent', font: 'inherit', cursor: 'pointer' },
  tabActive: { background: 'white', borderBottom: `2px solid ${EXCEL_GREEN}` },
});
