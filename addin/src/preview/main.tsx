// The preview workbench (/preview): the same task pane, beside an in-browser workbook that stands in for Excel.
// The fake is installed as the global `Excel` before the pane renders, so the pane's Excel layer runs unchanged.
// First: before any schema is used (see csp.ts).
import '../csp.ts';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { App } from '../App.tsx';
import { officeReady } from '../excel/office.ts';
import { fakeExcel } from '../workbench/fake-excel.ts';
import { usePreviewStyles } from './styles.ts';
import { WorkbookView } from './WorkbookView.tsx';

await officeReady();
const excel = fakeExcel();
Object.assign(globalThis, { Excel: excel, shipsheetWorkbook: excel.state });

function Preview() {
  const ui = usePreviewStyles();
  return (
    // Inline on purpose: with a makeStyles class here instead, the dropdowns' option lists (portals) stopped
    // showing in the preview (test/e2e/order-sheet.test.ts).
    <FluentProvider theme={webLightTheme} style={{ height: '100%' }}>
      <div className={ui.split}>
        <div className={ui.workbook}>
          <WorkbookView state={excel.state} />
        </div>
        <aside className={ui.pane} aria-label="ShipSheet">
          <App />
        </aside>
      </div>
    </FluentProvider>
  );
}

createRoot(document.getElementById('root')!).render(<Preview />);
