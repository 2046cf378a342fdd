// Writing a long file without holding it: rows are pulled one at a time and the writer waits whenever the
// destination (an HTTP response, a file) has not taken the previous bytes yet.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished as streamFinished } from 'node:stream/promises';
import type { Cell } from '../../shared/files/cells.ts';

export type Row = readonly Cell[];
/** Rows as they come: an array, a generator, or an async generator paging through the database. */
export type RowSource = Iterable<Row> | AsyncIterable<Row>;

/** Rows between two looks at the destination: small enough to keep memory flat, large enough to cost nothing. */
export const ROWS_PER_TURN = 500;

/**
 * Lets the destination catch up: waits for 'drain' when its buffer is full, and otherwise still gives the event
 * loop a turn, because a synchronous row source would else fill every buffer before any I/O could happen.
 */
export async function letDrain(out: Writable): Promise<void> {
  if (out.writableNeedDrain) await once(out, 'drain');
  else await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Resolves once everything written to `out` has been flushed; rejects with its error. Only the writable side
 *  counts (a PassThrough handed in as `out` need not be read to the end). */
export async function finished(out: Writable): Promise<void> {
  await streamFinished(out, { readable: false });
}
