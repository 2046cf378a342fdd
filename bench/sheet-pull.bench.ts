// sheet-pull: 1,000 / 10,000 / 50,000 lines pulled through the pane's own code (the order sheet module, its Excel
// layer) into the workbench's fake Excel, which counts syncs and measures every request against the 5 MB limit.
// Baseline in the same run: fetching the same pages from the API alone (no sheet work). Wire bytes: the pull's own
// requests (the pane's fetch asks for gzip, as its browser does) through a relay that counts what the server sends.
import { createApi } from '../addin/src/api/client.ts';
import { fetchLines, pullOrders } from '../addin/src/features/orders/order-sheet.ts';
import { PAYLOAD_LIMIT_BYTES, fakeExcel } from '../addin/src/workbench/fake-excel.ts';
import { benchServer, report, round, seconds, wireCounter } from './harness.ts';
import { seedOrders } from './seed.ts';

const SIZES = [1_000, 10_000, 50_000];
/** The reason the pane asks once per session and sends with every pull. */
const REASON = { reason: 'shipping' } as const;

export async function run(): Promise<void> {
  const s = await benchServer();
  const wire = await wireCounter(s.url);
  try {
    const api = createApi(s.token, 'ko', { base: s.url });
    const wireApi = createApi(s.token, 'ko', { base: wire.url });
    let seeded = 0;
    for (const lines of SIZES) {
      await seedOrders(s.deps.db, { orders: (lines - seeded) / 2, linesPerOrder: 2, status: 'READY' });
      seeded = lines;
      const excel = fakeExcel();
      Object.assign(globalThis, { Excel: excel });
      const fetched = await seconds(() => fetchLines(api, { status: 'READY' }, REASON));
      const pulled = await seconds(() => pullOrders(api, { status: 'READY' }, REASON, 'ko'));
      if (pulled.result !== lines || fetched.result.length !== lines) throw new Error(`expected ${lines} lines, got ${pulled.result}`);
      const { syncs, largestRequestBytes } = excel.state.stats;
      wire.reset();
      await fetchLines(wireApi, { status: 'READY' }, REASON);
      const wireBytes = wire.bytes();
      report({
        bench: 'sheet-pull',
        lines,
        seconds: round(pulled.seconds),
        syncs,
        largest_request_bytes: largestRequestBytes,
        request_limit_bytes: PAYLOAD_LIMIT_BYTES,
        wire_bytes: wireBytes,
        baseline_seconds: round(fetched.seconds),
        baseline: 'the same pages fetched from GET /api/order-lines, no sheet work',
        ratio: round(pulled.seconds / fetched.seconds, 2),
        target: 'no request over 5 MB; 50,000 lines in at most 40 syncs',
        met: largestRequestBytes <= PAYLOAD_LIMIT_BYTES && (lines < 50_000 || syncs <= 40),
      });
    }
  } finally {
    await wire.close();
    await s.close();
  }
}
