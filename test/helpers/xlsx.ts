// XLSX in tests: reading back the files the server hands out (the first sheet's rows as plain cell values), and
// uploads holding text exceljs would not write.
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';

export async function sheetRows(bytes: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

// JSZip comes with exceljs: the way to write a part exceljs itself would not (it drops NULs and surrogates on write).
const JSZip = createRequire(import.meta.resolve('exceljs'))('jszip') as {
  loadAsync(data: Buffer): Promise<{
    file(name: string): { async(type: 'string'): Promise<string> };
    file(name: string, data: string): unknown;
    generateAsync(o: { type: 'nodebuffer' }): Promise<Buffer>;
  }>;
};

/**
 * An XLSX upload (a file source) of `rows`, its shared strings then edited by `edit` as raw XML: for text a file can
 * hold but exceljs never writes, such as `_x0000_` or `&#xD800;`.
 */
export async function xlsxSourceWith(rows: unknown[][], edit: (sharedStringsXml: string) => string, filename = 'edited.xlsx') {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Sheet1').addRows(rows);
  const zip = await JSZip.loadAsync(Buffer.from(await workbook.xlsx.writeBuffer()));
  const xml = await zip.file('xl/sharedStrings.xml').async('string');
  const edited = edit(xml);
  if (edited === xml) throw new Error('xlsxSourceWith: the edit changed nothing');
  zip.file('xl/sharedStrings.xml', edited);
  return { kind: 'file', filename, content_base64: (await zip.generateAsync({ type: 'nodebuffer' })).toString('base64') };
}
