// Reading back the files the writers produce.
import ExcelJS from 'exceljs';
import { collector } from '../../../../server/files/encrypt.ts';

export { collector };

/** The first sheet's rows as [values…] (1-based exceljs row.values without its empty slot 0), and the sheet. */
export async function readXlsx(bytes: Buffer): Promise<{ rows: unknown[][]; sheet: ExcelJS.Worksheet }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values = row.values as unknown[];
    rows.push(values.slice(1));
  });
  return { rows, sheet };
}
