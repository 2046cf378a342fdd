// Installs a fresh workbench workbook as the global `Excel`, as the preview page does, and returns its state.
import { fakeExcel, type FakeWorkbookState } from '../../addin/src/workbench/fake-excel.ts';

export function installFakeExcel(): FakeWorkbookState {
  const excel = fakeExcel();
  Object.assign(globalThis, { Excel: excel });
  return excel.state;
}
