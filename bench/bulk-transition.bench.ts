// bulk-transition: release 50,000 lines (NEW → READY) in one bulk call, with per-item version checks, history
// rows and per-item results, against one raw UPDATE of the same rows in a transaction, in the same run.
import { benchServer, median, report, round, seconds } from './harness.ts';
import { seedOrders } from './seed.ts';

const LINES = 50_000;
const RUNS = 3;

export async function run(): Promise<void> {
  const s = await benchServer();
  const db = s.deps.db;
  try {
    const { lineIds } = await seedOrders(db, { orders: LINES / 2, linesPerOrder: 2, status: 'NEW' });
    const reset = async () => {
      await db('order_lines').update({ status: 'NEW' });
      const rows = await db('order_lines').select('id', 'version');
      return new Map(rows.map((r: { id: string; version: number }) => [r.id, r.version]));
    };

    const bulk = async (versions: Map<string, number>) => {
      const body = JSON.stringify({ action: 'release', items: lineIds.map((id) => ({ id, version: versions.get(id)! })) });
      const res = await fetch(`${s.url}/api/transitions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
        body,
      });
      const out = (await res.json()) as { applied: number; refused: number };
      return { ...out, requestBytes: body.length };
    };
    const baseline = async (): Promise<number> =>
      db.transaction(async (trx) => Number(await trx('order_lines').where({ status: 'NEW' }).update({ status: 'READY', version: trx.raw('version + 1') })));

    const api: number[] = [];
    const base: number[] = [];
    let last = { applied: 0, refused: 0, requestBytes: 0 };
    for (let i = 0; i < RUNS + 1; i++) {
      let versions = await reset();
      const a = await seconds(() => bulk(versions));
      versions = await reset();
      const b = await seconds(baseline);
      if (i === 0) continue; // warm-up
      api.push(a.seconds);
      base.push(b.seconds);
      last = a.result;
      if (last.applied !== LINES) throw new Error(`expected ${LINES} applied, got ${JSON.stringify(last)}`);
      if (b.result !== LINES) throw new Error(`baseline updated ${b.result}`);
    }
    const history = await db('status_history').where({ action: 'release' }).count({ n: '*' });
    const apiSeconds = median(api);
    const baseSeconds = median(base);
    report({
      bench: 'bulk-transition',
      database: 'sqlite',
      lines: LINES,
      applied: last.applied,
      request_bytes: last.requestBytes,
      history_rows_written: Number(history[0]!.n) / (RUNS + 1),
      seconds: round(apiSeconds),
      lines_per_second: Math.round(LINES / apiSeconds),
      baseline_seconds: round(baseSeconds),
      baseline: 'one UPDATE … SET status, version = version + 1 in a transaction',
      ratio: round(apiSeconds / baseSeconds, 2),
      target_ratio: 3,
    });
  } finally {
    await s.close();
  }
}
