// One request per sync, as Office.js sends it: operations queue on a batch with their size on the wire, loads add
// up the answer's size, and a request or answer over 5 MB is refused as Excel on the web refuses it. ClientObject is
// the base of every proxy: a property can be read only after `load()` and a sync.
import { OfficeLikeError } from './cells.ts';
import type { FakeWorkbookState } from './workbook.ts';

/** Excel on the web refuses a request or a response over 5 MB (reference/excel-addin.md §5). */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

type Op = { size: number; run: () => void };

const encoder = new TextEncoder();
/** Bytes a payload takes on the wire as JSON (UTF-8: a Korean syllable is 3 bytes). */
export const jsonBytes = (payload: unknown) => encoder.encode(JSON.stringify(payload ?? null)).length;

/** One batch of queued operations, as Office.js sends one request per sync. */
export class Batch {
  ops: Op[] = [];
  /** Queued loads; each returns the bytes its answer takes, summed into the sync's response. */
  loads: (() => number)[] = [];
  /** The request context this batch belongs to (an EventHandlerResult hands it back for `Excel.run(context, …)`). */
  context: unknown = null;
  constructor(readonly state: FakeWorkbookState) {}
  queue(payload: unknown, run: () => void) {
    this.ops.push({ size: jsonBytes(payload), run });
  }
  /**
   * Sends the queued operations as one request; refuses it whole when it is over the size limit, and fails when
   * the answer to its loads would be over the limit.
   */
  send(): void {
    const state = this.state;
    if (state.cellEditSyncs > 0) {
      state.cellEditSyncs--;
      // Nothing of the batch reaches the workbook: the request is refused whole.
      this.ops = [];
      this.loads = [];
      throw new OfficeLikeError(
        'InvalidOperationInCellEditMode',
        'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
      );
    }
    const bytes = this.ops.reduce((n, op) => n + op.size, 0);
    const { ops, loads } = this;
    this.ops = [];
    this.loads = [];
    state.stats.syncs++;
    state.stats.requests.push(bytes);
    state.stats.largestRequestBytes = Math.max(state.stats.largestRequestBytes, bytes);
    if (bytes > PAYLOAD_LIMIT_BYTES)
      throw new OfficeLikeError(
        'RequestPayloadSizeLimitExceeded',
        'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
      );
    for (const op of ops) op.run();
    let response = 0;
    for (const load of loads) response += load();
    state.stats.largestResponseBytes = Math.max(state.stats.largestResponseBytes ?? 0, response);
    if (ops.length) state.onChange?.();
    if (response > PAYLOAD_LIMIT_BYTES)
      throw new OfficeLikeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
  }
}

export abstract class ClientObject {
  protected loaded = new Set<string>();
  /** Set by the sync after a `…OrNullObject` call (no load needed, as in Office.js) when the thing is missing. */
  isNullObject = false;
  constructor(protected batch: Batch) {}
  /** For `…OrNullObject` objects: the next sync tells whether the thing exists. */
  nullable(exists: () => boolean): this {
    this.batch.loads.push(() => {
      this.isNullObject = !exists();
      return 8;
    });
    return this;
  }
  protected read<T>(name: string, value: () => T): T {
    if (!this.loaded.has(name)) {
      throw new OfficeLikeError(
        'PropertyNotLoaded',
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return value();
  }
  load(props?: string | string[] | Record<string, unknown>): this {
    const names =
      typeof props === 'string' ? props.split(',').map((p) => p.trim()) : Array.isArray(props) ? props : props ? Object.keys(props) : ['*'];
    this.batch.loads.push(() => {
      for (const n of names) this.loaded.add(n);
      return this.snapshot();
    });
    return this;
  }
  /** Called when a queued load runs: copies what the workbook holds now into the object; returns its bytes. */
  protected abstract snapshot(): number;
}
