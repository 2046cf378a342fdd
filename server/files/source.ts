// A file source (shared/api/files.schema.ts) → one sheet's rows, whichever way it came in.
import type { FileSource } from '../../shared/api/files.schema.ts';
import type { Cell } from '../../shared/files/normalise.ts';
import { fileError, pickSheet, readWorkbook, type SheetRows } from './read-workbook.ts';

export async function readSource(source: FileSource): Promise<SheetRows> {
  if (source.kind === 'sheet') {
    const rows: Cell[][] = source.rows;
    return { name: source.name, hidden: false, rows };
  }
  const book = await readWorkbook(Buffer.from(source.content_base64, 'base64'), { filename: source.filename, password: source.password });
  const sheet = pickSheet(book, source.sheet);
  if (!sheet) throw fileError('sheet_not_found', { sheet: source.sheet ?? '' });
  return sheet;
}
