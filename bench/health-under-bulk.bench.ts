// health-under-bulk: how long GET /api/health takes while one 50,000-item bulk call (POST /api/transitions,
// ~17 MB of JSON) runs, against, in the same run, the baseline: the same health calls on the idle server. A server
// that parses, checks and writes the whole call in one go stalls every other request for seconds; one that yields
// between chunks answers health within milliseconds. Health is called one after another for as long as the bulk
// call runs; the bulk call is sent with node:http and its answer is not parsed, so the bench's own client work
// stays off the server's event loop (the server runs in this process). SQLite by default; set
// SHIPSHEET_BENCH_DATABASE_URL=postgres://… to run it on PostgreSQL (in a fresh schema).
import http from 'node:http';
import { benchServer, median, report, round } from './harness.ts';
import { seedOrders } from './seed.ts';

const LINES = 50_000;
const IDLE_CALLS = 200;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

const figures = (ms: number[]) => ({
  calls: ms.length,
  p50_ms: round(median(ms), 1),
  p95_ms: round(percentile(ms, 95), 1),
  max_ms: round(Math.max(...ms), 1),
});

export async function run(): Promise<void> {
  const databaseUrl = process.env.SHIPSHEET_BENCH_DATABASE_URL;
  const s = await benchServer({ databaseUrl });
  const db = s.deps.db;
  try {
    const { lineIds } = await seedOrders(db, { orders: LINES / 2, linesPerOrder: 2, status: 'NEW' });
    const health = async () => {
      const start = process.hrtime.bigint();
      const res = await fetch(`${s.url}/api/health`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`health answered ${res.status}`);
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    const bulk = (body: string) =>
      new Promise<{ status: number; seconds: number; bytes: number }>((resolve, reject) => {
        const start = process.hrtime.bigint();
        const req = http.request(`${s.url}/api/transitions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        });
        req.on('response', (res) => {
          let bytes = 0;
          res.on('data', (c: Buffer) => (bytes += c.length));
          res.on('end', () => resolve({ status: res.statusCode!, seconds: Number(process.hrtime.bigint() - start) / 1e9, bytes }));
        });
        req.on('error', reject);
        req.end(body);
      });

    // Warm-up, then the idle baseline.
    for (let i = 0; i < 20; i++) await health();
    const idle: number[] = [];
    for (let i = 0; i < IDLE_CALLS; i++) idle.push(await health());

    // Each item with its own reason, as a pane sending a note per row would: ~350 bytes an item, ~17 MB in all.
    const reason = '고객 요청으로 출고 보류를 해제합니다. 포장 상태와 송장 정보를 다시 확인한 뒤 순서대로 출고해 주세요. '.repeat(3).slice(0, 110);
    const body = JSON.stringify({ action: 'release', items: lineIds.map((id, i) => ({ id, version: 1, reason: `${reason} #${i}` })) });
    const busy: number[] = [];
    let done = false;
    const call = bulk(body).finally(() => (done = true));
    while (!done) busy.push(await health());
    const result = await call;
    if (result.status !== 200) throw new Error(`bulk call answered ${result.status}`);
    const applied = await db('order_lines').where({ status: 'READY' }).count({ n: '*' });
    if (Number(applied[0]!.n) !== LINES) throw new Error(`expected ${LINES} lines released, got ${applied[0]!.n}`);

    const during = figures(busy);
    const baseline = figures(idle);
    report({
      bench: 'health-under-bulk',
      database: databaseUrl ? 'postgresql' : 'sqlite',
      lines: LINES,
      request_bytes: Buffer.byteLength(body),
      bulk_seconds: round(result.seconds),
      health_during_bulk: during,
      baseline: 'the same GET /api/health calls, one after another, on the idle server',
      health_idle: baseline,
      ratio: round(during.p95_ms / baseline.p95_ms, 2),
      ratio_max: round(during.max_ms / baseline.max_ms, 2),
    });
  } finally {
    await s.close();
  }
}
