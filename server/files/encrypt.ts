// An open password on an XLSX: real ECMA-376 agile encryption (AES-256, SHA-512 key derivation) through
// officecrypto-tool, the kind Excel asks a password for before showing anything. Excel's "password to modify"
// or sheet protection is not encryption (korean-oms.md §3.5) and is not offered.
//
// Encryption works on the whole file at once, so an encrypted export is built in memory: the streamed XLSX is
// collected, encrypted, then sent. A 50,000-line order list is about 5 MB zipped; the measured peak is in
// bench/order-export.bench.ts. IN_MEMORY_MAX_ROWS caps it so one request cannot hold much more than that (a CP949 CSV, also made whole, too).
import { PassThrough } from 'node:stream';
import officeCrypto from 'officecrypto-tool';
import { fieldError } from '../domain/validation.ts';
import { filesMessages } from './files.messages.ts';

/** Excel's own limit for an open password. */
export const PASSWORD_MAX_CHARS = 255;
/** Rows an encrypted export may hold (it is built in memory; see above). */
export const IN_MEMORY_MAX_ROWS = 100_000;

/** Refuses an empty or over-long password with a 400 naming the field. Spaces count: Excel keeps them. */
export function checkFilePassword(password: unknown, field = 'password'): string {
  const text = typeof password === 'string' ? password : '';
  if (text === '') {
    throw fieldError(field, filesMessages.password_empty, {}, { code: 'file_password_empty' });
  }
  if ([...text].length > PASSWORD_MAX_CHARS) {
    throw fieldError(field, filesMessages.password_too_long, { max: PASSWORD_MAX_CHARS }, { code: 'file_password_too_long' });
  }
  return text;
}

/** The XLSX bytes encrypted with `password` (checked first). */
export function encryptXlsx(bytes: Buffer, password: string): Buffer {
  return officeCrypto.encrypt(bytes, { password: checkFilePassword(password) });
}

/** A stream to hand a writer instead of the real destination, and the bytes it received once the writer is done. */
export function collector(): { stream: PassThrough; bytes(): Buffer } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, bytes: () => Buffer.concat(chunks) };
}
