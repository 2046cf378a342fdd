// Response headers of a download: the content type and a file name that survives the trip in Korean. Browsers and
// Excel's web views read the RFC 5987 form (filename*=UTF-8''…, RFC 6266); the plain `filename` is an ASCII
// fallback for clients that do not.
import type { Response } from 'express';
import { kstDate } from '../../shared/time.ts';

/** RFC 5987 attr-char: what encodeURIComponent leaves alone except ' ( ) * ! (not allowed unencoded there). */
export function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(fileName)}`;
}

/** "20261126-0930": the KST moment a file was made, for its name. */
export function fileStamp(now = new Date()): string {
  const time = new Date(now.getTime() + 9 * 3600_000).toISOString().slice(11, 16).replace(':', '');
  return `${kstDate(now).replace(/-/g, '')}-${time}`;
}

export function startDownload(res: Response, info: { contentType: string; fileName: string }): void {
  res.status(200);
  res.setHeader('Content-Type', info.contentType);
  res.setHeader('Content-Disposition', contentDisposition(info.fileName));
}

/**
 * Says in the response's headers what a CP949 file could not hold (written as '?'): how many characters and on which
 * data rows (the first 100), for the pane to warn the operator. Same-origin, so the pane reads them.
 */
export function sayReplaced(res: Response, result: { replaced: number; replacedRows: number[] }): void {
  if (!result.replaced) return;
  res.setHeader('X-Replaced-Characters', String(result.replaced));
  res.setHeader('X-Replaced-Rows', result.replacedRows.join(','));
}
