// bulk-transition: release 50,000 lines (NEW → READY) in one bulk call over HTTP — per-item version and flag
// checks, a history row per line, order versions moved, one result per item — against, in the same run:
//   baseline: the same recorded change done the most direct way, three set-based statements in a transaction
//             (history INSERT … SELECT, orders UPDATE, lines UPDATE), with no per-item checks or results;
//   bare update: the single raw UPDATE of the lines alone (no history, no order versions), as the issue names it;
//   HTTP floor: the same request and answer through Express alone (harness.ts httpFloor), what answering every
//             item over HTTP costs whatever the work behind it.
import type { Db } from '../server/db/knex.ts';
import { benchServer, httpFloor, median, postJson, report, round, seconds } from './harness.ts';
import { seedOrders } from './seed.ts';

const LINES = 50_000;
const RUNS = 3;

async function directSameWork(db: Db): Promise<number> {
  const now = new Date().toISOString();
  return db.transaction(async (trx) => {
    await trx.raw(
      `insert into status_history (entity, entity_id, order_id, action, from_status, to_status, actor_type, actor_id, reason, batch_id, at)
       select 'line', id, order_id, 'release', status, 'READY', 'user', 'usr_bench', null, 'bat_baseline', ? from order_lines where status = 'NEW'`,
      [now],
    );
    await trx('orders')
      .whereIn('id', trx('order_lines').where({ status: 'NEW' }).select('order_id'))
      .update({ version: trx.raw('version + 1'), updated_at: now });
    return Number(
      await trx('order_lines')
        .where({ status: 'NEW' })
        .update({ status: 'READY', version: trx.raw('version + 1'), updated_at: now }),
    );
  });
}

async function bareUpdate(db: Db): Promise<number> {
  return db.transaction(async (trx) =>
    Number(
      await trx('order_lines')
        .where({ status: 'NEW' })
        .update({ status: 'READY', version: trx.raw('version + 1') }),
    ),
  );
}

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
    // The last call's request and answer, for the HTTP floor measured after the runs.
    let exchange = { body: '', answer: '' };
    const bulk = async (versions: Map<string, number>) => {
      const body = JSON.stringify({ action: 'release', items: lineIds.map((id) => ({ id, version: versions.get(id)! })) });
      const res = await postJson(s, '/api/transitions', body);
      const answer = await res.text();
      const out = JSON.parse(answer) as { applied: number; refused: number };
      exchange = { body, answer };
      return { ...out, requestBytes: body.length };
    };

    const api: number[] = [];
    const direct: number[] = [];
    const bare: number[] = [];
    let last = { applied: 0, refused: 0, requestBytes: 0 };
    for (let i = 0; i < RUNS + 1; i++) {
      const versions = await reset();
      const a = await seconds(() => bulk(versions));
      await reset();
      const d = await seconds(() => directSameWork(db));
      await reset();
      const b = await seconds(() => bareUpdate(db));
      if (a.result.applied !== LINES || d.result !== LINES || b.result !== LINES) {
        throw new Error(`expected ${LINES} lines changed each way, got ${JSON.stringify({ api: a.result, direct: d.result, bare: b.result })}`);
      }
      if (i === 0) continue; // warm-up
      api.push(a.seconds);
      direct.push(d.seconds);
      bare.push(b.seconds);
      last = a.result;
    }
    const apiSeconds = median(api);
    const directSeconds = median(direct);
    const bareSeconds = median(bare);
    const floorSeconds = await httpFloor(exchange.body, exchange.answer);
    report({
      bench: 'bulk-transition',
      database: 'sqlite',
      lines: LINES,
      applied: last.applied,
      request_bytes: last.requestBytes,
      seconds: round(apiSeconds),
      lines_per_second: Math.round(LINES / apiSeconds),
      baseline_seconds: round(directSeconds),
      baseline: 'same change set-based: history INSERT…SELECT + orders UPDATE + lines UPDATE in one transaction',
      ratio: round(apiSeconds / directSeconds, 2),
      baseline_bare_update_seconds: round(bareSeconds),
      ratio_vs_bare_update: round(apiSeconds / bareSeconds, 2),
      target_ratio: 2,
      http_floor_seconds: round(floorSeconds),
      http_floor: 'the same request and answer through Express with compression and a JSON parser, nothing else',
      ratio_vs_baseline_with_http_floor: round(apiSeconds / (directSeconds + floorSeconds), 2),
    });
  } finally {
    await s.close();
  }
}
