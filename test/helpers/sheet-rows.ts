// What a browser test reads back from the preview's workbook (globalThis.shipsheetWorkbook, the fake Excel).
import type { Page } from 'playwright-core';

export type SheetCell = string | number | boolean;

/** A sheet's rows under its header, as the workbook holds them (empty cells read ''). */
export const sheetRows = (page: Page, sheet = '주문'): Promise<SheetCell[][]> =>
  page.evaluate((sheet) => {
    const s = (globalThis as any).shipsheetWorkbook.find(sheet);
    const used = s.used();
    return Array.from({ length: used.rows - 1 }, (_, r) => Array.from({ length: used.cols }, (_, c) => s.get(r + 1, c)?.value ?? ''));
  }, sheet);
