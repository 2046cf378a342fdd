// sheet-push: 10,000 edited sheet rows (courier + a new tracking number each) pushed to POST /api/sheet/push — per-row
// version checks, tracking-number rules, a box per number, status READY → INVOICED with history, one result per
// row and the refreshed rows — against, in the same run, the raw bulk update of the same data: the 10,000 boxes
// inserted and the 10,000 lines pointed at them and moved, in two set-based statements without checks or history;
// and, as a second figure, the same plus the history rows written set-based (INSERT … SELECT); and the HTTP floor:
// the same request and answer through Express alone (harness.ts httpFloor).
import type { Db } from '../server/db/knex.ts';
import { insertMany, updateRows } from '../server/db/bulk.ts';
import { benchServer, httpFloor, median, postJson, report, round, seconds, trackingNumber } from './harness.ts';
import { seedOrders } from './seed.ts';

const ROWS = 10_000;
const RUNS = 3;

const number = (run: number, i: number) => trackingNumber(60_000_000_000, run, i);

async function reset(db: Db): Promise<Map<string, number>> {
  await db('order_lines').update({ status: 'READY', box_id: null });
  await db('boxes').delete();
  const rows = await db('order_lines').select('id', 'version');
  return new Map(rows.map((r: { id: string; version: number }) => [r.id, r.version]));
}

/** The data change alone; `withHistory` also records it (one status_history row per line), as every change must be. */
async function rawBulkUpdate(db: Db, lineIds: string[], run: number, withHistory = false): Promise<number> {
  const now = new Date().toISOString();
  const boxes = lineIds.map((id, i) => ({
    id: `box_raw_${run}_${i}`,
    courier: 'CJ',
    tracking_number: number(run, i),
    invoiced_at: now,
    send_status: 'not_sent',
    version: 1,
    created_at: now,
    updated_at: now,
  }));
  await db.transaction(async (trx) => {
    if (withHistory) {
      await trx.raw(
        `insert into status_history (entity, entity_id, order_id, action, from_status, to_status, actor_type, actor_id, reason, batch_id, at)
         select 'line', id, order_id, 'set_invoice', status, 'INVOICED', 'user', 'usr_bench', null, 'bat_baseline', ? from order_lines where status = 'READY'`,
        [now],
      );
    }
    await insertMany(trx, 'boxes', boxes);
    await updateRows(
      trx,
      'order_lines',
      lineIds.map((id, i) => ({ id, box_id: boxes[i]!.id })),
      { status: 'INVOICED', updated_at: now },
    );
  });
  return boxes.length;
}

export async function run(): Promise<void> {
  const s = await benchServer();
  const db = s.deps.db;
  try {
    // One line per order, so every row is its own box.
    const { lineIds } = await seedOrders(db, { orders: ROWS, linesPerOrder: 1, status: 'READY' });
    const pushed: number[] = [];
    const raw: number[] = [];
    const recorded: number[] = [];
    let last = { applied: 0, refused: 0, requestBytes: 0, responseBytes: 0 };
    // The last push's request and answer, for the HTTP floor measured after the runs.
    let exchange = { body: '', answer: '' };
    for (let i = 0; i < RUNS + 1; i++) {
      const versions = await reset(db);
      const body = JSON.stringify({
        rows: lineIds.map((id, n) => ({ line_id: id, line_version: versions.get(id)!, courier: 'CJ', tracking_number: number(i, n) })),
      });
      const p = await seconds(async () => {
        const res = await postJson(s, '/api/sheet/push', body);
        const text = await res.text();
        exchange = { body, answer: text };
        const out = JSON.parse(text) as { applied: number; refused: number };
        return { applied: out.applied, refused: out.refused, requestBytes: body.length, responseBytes: text.length };
      });
      await reset(db);
      const r = await seconds(() => rawBulkUpdate(db, lineIds, i));
      await reset(db);
      const h = await seconds(() => rawBulkUpdate(db, lineIds, i + 100, true));
      if (p.result.applied !== ROWS || r.result !== ROWS) throw new Error(`expected ${ROWS} rows applied, got ${JSON.stringify(p.result)}`);
      if (i === 0) continue; // warm-up
      pushed.push(p.seconds);
      raw.push(r.seconds);
      recorded.push(h.seconds);
      last = p.result;
    }
    const pushSeconds = median(pushed);
    const rawSeconds = median(raw);
    const floorSeconds = await httpFloor(exchange.body, exchange.answer);
    report({
      bench: 'sheet-push',
      database: 'sqlite',
      rows: ROWS,
      applied: last.applied,
      request_bytes: last.requestBytes,
      response_bytes: last.responseBytes,
      seconds: round(pushSeconds),
      rows_per_second: Math.round(ROWS / pushSeconds),
      baseline_seconds: round(rawSeconds),
      baseline: 'raw bulk update: 10,000 boxes inserted + 10,000 lines updated set-based, no checks, no history',
      ratio: round(pushSeconds / rawSeconds, 2),
      target_ratio: 3,
      baseline_with_history_seconds: round(median(recorded)),
      ratio_vs_with_history: round(pushSeconds / median(recorded), 2),
      target_ratio_vs_with_history: 2.5,
      http_floor_seconds: round(floorSeconds),
      http_floor: 'the same request and answer through Express with compression and a JSON parser, nothing else',
      ratio_vs_with_history_and_http_floor: round(pushSeconds / (median(recorded) + floorSeconds), 2),
    });
  } finally {
    await s.close();
  }
}
