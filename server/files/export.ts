// One call for every file we hand out (order lists, booking files, samples): XLSX streamed, CSV streamed in the
// chosen encoding, or XLSX with an open password (built in memory, then encrypted; see encrypt.ts). Routes call
// this with the response as `out` after recording the transfer (reason, filters, rows) in the audit log.
import type { Writable } from 'node:stream';
import { AppError } from '../../shared/errors.ts';
import { message } from '../../shared/i18n.ts';
import { fieldError } from '../domain/validation.ts';
import type { CsvEncoding, FileColumn } from '../../shared/files/cells.ts';
import { writeCsv, type CsvResult } from './csv-writer.ts';
import { checkFilePassword, collector, encryptXlsx, IN_MEMORY_MAX_ROWS } from './encrypt.ts';
import { filesMessages } from './files.messages.ts';
import { finished, type Row, type RowSource } from './flow.ts';
import { writeXlsx } from './xlsx-writer.ts';

export type ExportRequest = {
  format: 'xlsx' | 'csv';
  /** CSV only; UTF-8 with a BOM when not given (opens right in Excel). */
  encoding?: CsvEncoding;
  /** XLSX only: encrypts the file with this open password. */
  password?: string;
  /** Sheet name (XLSX) and the base of the file name. */
  name: string;
  columns: readonly FileColumn[];
  rows: RowSource;
  /** CP949 CSV: called with what had to be replaced once the file is made, before its first byte is sent. */
  beforeBody?: (result: CsvResult) => void;
};

export type ExportResult = { rows: number; encrypted: boolean } & Partial<Pick<CsvResult, 'replaced' | 'replacedRows'>>;

/** Content type and file name for the response headers (the name is sent RFC 5987-encoded by the route). */
export function exportFileInfo(request: Pick<ExportRequest, 'format' | 'name' | 'encoding'>): { contentType: string; fileName: string } {
  const base = request.name.replace(/[\\/:*?"<>|\r\n]/g, '_').trim() || 'export';
  if (request.format === 'xlsx') {
    return { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: `${base}.xlsx` };
  }
  const charset = request.encoding === 'cp949' ? 'cp949' : 'utf-8';
  return { contentType: `text/csv; charset=${charset}`, fileName: `${base}.csv` };
}

/** Refuses what cannot be written before anything is: a password on a CSV, a bad password. 400s naming the field. */
export function checkExportRequest(request: Pick<ExportRequest, 'format' | 'password'>): void {
  if (request.password === undefined) return;
  if (request.format === 'csv') {
    throw fieldError('password', filesMessages.csv_cannot_encrypt, {}, { code: 'csv_cannot_encrypt' });
  }
  checkFilePassword(request.password);
}

/** The rows, refused once there are more than `max` (a file built in memory: encrypted, or CP949). */
export async function* capped(
  rows: RowSource,
  max: number,
  why: 'too_large_to_encrypt' | 'too_large_for_cp949' = 'too_large_to_encrypt',
): AsyncGenerator<Row> {
  let n = 0;
  for await (const row of rows) {
    if (++n > max) throw new AppError('invalid_data', why, message(filesMessages[why], { max, rows: `${max}+` }));
    yield row;
  }
}

/** Writes the file to `out` and ends it. */
export async function writeExport(out: Writable, request: ExportRequest): Promise<ExportResult> {
  checkExportRequest(request);
  if (request.format === 'csv' && request.encoding === 'cp949') {
    // Collected before it is sent: what CP949 could not hold (written as '?') is then known before the body goes,
    // so the response's headers can say it (a courier's file with a broken name is worse than one with a warning).
    const plain = collector();
    const rows = capped(request.rows, IN_MEMORY_MAX_ROWS, 'too_large_for_cp949');
    const result = await writeCsv(plain.stream, { columns: request.columns, rows, encoding: 'cp949' });
    request.beforeBody?.(result);
    out.end(plain.bytes());
    await finished(out);
    return { ...result, encrypted: false };
  }
  if (request.format === 'csv') {
    const result = await writeCsv(out, { columns: request.columns, rows: request.rows, encoding: request.encoding ?? 'utf8-bom' });
    return { ...result, encrypted: false };
  }
  if (request.password === undefined) {
    const { rows } = await writeXlsx(out, { sheetName: request.name, columns: request.columns, rows: request.rows });
    return { rows, encrypted: false };
  }
  // Nothing reaches `out` before the encrypted file is complete, so a refusal midway leaves the response unstarted.
  const plain = collector();
  const { rows } = await writeXlsx(plain.stream, {
    sheetName: request.name,
    columns: request.columns,
    rows: capped(request.rows, IN_MEMORY_MAX_ROWS),
  });
  const encrypted = encryptXlsx(plain.bytes(), request.password);
  out.end(encrypted);
  await finished(out);
  return { rows, encrypted: true };
}
