// The preview workbench (/preview): the same task pane, beside an in-browser workbook that stands in for Excel.
// The fake is installed as the global `Excel` before the pane renders, so the pane's Excel layer runs unchanged.
// First: before any schema is used (see csp.ts).
import '../csp.ts';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { App } from '../App.tsx';
import { officeReady } from '../excel/office.ts';
import { fakeExcel } from '../workbench/fake-excel.ts';
import { WorkbookView } from './WorkbookView.tsx';

await officeReady();
const excel = fakeExcel();
Object.assign(globalThis, { Excel: excel, shipsheetWorkbook: excel.state });

createRoot(document.getElementById('root')!).render(
  <FluentProvider theme={webLightTheme} style={{ height: '100%' }}>
    <div style={{ display: 'flex', height: '100%' }}>
      <div style={{ flex: 1, minWidth: 0 }}>
        <WorkbookView state={excel.state} />
      </div>
      <aside style={{ width: 380, borderLeft: '1px solid #d1d1d1', overflowY: 'auto' }} aria-label="ShipSheet">
        <App />
      </aside>
    </div>
  </FluentProvider>,
);
