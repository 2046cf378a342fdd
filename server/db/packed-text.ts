// Long JSON a batch keeps on its row — an invoice import's results and undo record (8 MB for 50,000 rows), an
// allocation's plan and undo record (12 and 5 MB for 100,000 lines), a merge's and a gift run's undo record —
// stored gzipped, as base64 text so the same text column holds it on SQLite and PostgreSQL: about a seventh of the
// size, so SQLite writes a few hundred pages instead of thousands inside the batch's transaction, and the kept undo
// records do not swell the file. Compressed on libuv's pool (while the batch's changes are written); values stored
// before, plain JSON, read as they are.
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);
/** Base64 of gzip's magic bytes (1f 8b 08): JSON text never starts so. */
const GZIP_BASE64 = 'H4sI';

/** Below this, text is kept as it is: gzip and base64 would save next to nothing, or add. */
const PACK_FROM = 4096;

/**
 * The text gzipped (the fastest level: JSON this repetitive gains next to nothing from more) and in base64. Its
 * output in one chunk (JSON packs to well under half): zlib hands each chunk back to the main thread, so with the
 * default 16 KB chunks 12 MB of JSON waited for the main thread hundreds of times, and a caller busy meanwhile
 * (building an answer beside it) held the packing up.
 */
export async function packText(text: string): Promise<string> {
  if (text.length < PACK_FROM) return text;
  const chunkSize = Math.max(zlib.constants.Z_DEFAULT_CHUNK, Math.ceil(text.length / 2));
  return (await gzip(text, { level: 1, chunkSize })).toString('base64');
}

/** What packText packed (unpacked on libuv's pool, like the packing), or a value stored before as plain text. */
export async function unpackText(stored: string): Promise<string> {
  return stored.startsWith(GZIP_BASE64) ? (await gunzip(Buffer.from(stored, 'base64'))).toString('utf8') : stored;
}
