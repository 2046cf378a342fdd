// The operator's selection as it changes (Excel raises WorksheetCollection.onSelectionChanged, ExcelApi 1.9, for a
// selection on any sheet). The handler only says "it changed": the feature reads what it needs, debounced, because
// Excel raises the event for every step of a drag or a shift-arrow.
import { runExcel } from './run.ts';

/** Calls `onChange` after every selection change; resolves to a function that stops watching. */
export async function watchSelection(onChange: () => void): Promise<() => Promise<void>> {
  const registered = await runExcel(async (context) => {
    const result = context.workbook.worksheets.onSelectionChanged.add(async () => onChange());
    await context.sync();
    return result;
  });
  return async () => {
    // A handler is removed in the context that added it (OfficeExtension.EventHandlerResult).
    await Excel.run(registered.context, async (context) => {
      registered.remove();
      await context.sync();
    });
  };
}
