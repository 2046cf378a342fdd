// orders-list: 50,000 lines served through the lines view (HTTP, paged as a client would), against the most direct
// way to produce the same rows: one knex select of the same join, serialised to JSON, in the same run. Besides the
// decoded size it reports the bytes on the wire when the client asks for gzip, as the pane's browser does. One line
// per form: the items form (GET /api/order-lines), the column arrays (GET /api/order-lines/columns), and the column
// arrays with only the order sheet's fields, which is what the pane's pull asks for.
import { ORDER_COLUMNS } from '../shared/sheet/order-columns.ts';
import { benchServer, median, report, round, seconds, wireCounter } from './harness.ts';
import { seedOrders } from './seed.ts';

const LINES = 50_000;
const PAGE = 10_000;
const RUNS = 3;
const SHEET_FIELDS = ORDER_COLUMNS.filter((c) => c.kind !== 'result')
  .map((c) => c.id)
  .join(',');
const FORMS = [
  // More than a screenful with recipients, or a pull of personal fields, says why (the pane sends the session's reason).
  { form: 'items', path: '/api/order-lines?reason=shipping&' },
  { form: 'columns', path: '/api/order-lines/columns?reason=shipping&' },
  { form: 'columns, sheet fields', path: `/api/order-lines/columns?reason=shipping&fields=${SHEET_FIELDS}&` },
];

export async function run(): Promise<void> {
  const s = await benchServer();
  const wire = await wireCounter(s.url);
  try {
    await seedOrders(s.deps.db, { orders: LINES / 2, linesPerOrder: 2, status: 'READY' });

    const throughApi = async (path: string, base = s.url) => {
      let cursor: string | null = null;
      let rows = 0;
      let bytes = 0;
      let largest = 0;
      let requests = 0;
      do {
        const res: Response = await fetch(`${base}${path}limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`, {
          headers: { authorization: `Bearer ${s.token}`, 'accept-encoding': 'gzip' },
        });
        const text = await res.text();
        bytes += Buffer.byteLength(text);
        largest = Math.max(largest, Buffer.byteLength(text));
        requests++;
        const body = JSON.parse(text) as { items?: unknown[]; rows?: unknown[]; next_cursor: string | null };
        rows += (body.items ?? body.rows ?? []).length;
        cursor = body.next_cursor;
      } while (cursor);
      return { rows, bytes, largest, requests };
    };
    const baseline = async () => {
      const rows = await s.deps
        .db('order_lines as l')
        .join('orders as o', 'o.id', 'l.order_id')
        .leftJoin('boxes as b', 'b.id', 'l.box_id')
        .select(
          'l.*',
          'o.mall_order_id',
          'o.channel_name',
          'o.recipient_name',
          'o.recipient_phone',
          'o.recipient_mobile',
          'o.recipient_zip',
          'o.recipient_address1',
          'o.recipient_address2',
          'o.hold',
          'b.courier',
          'b.tracking_number',
        )
        .orderBy(['l.order_id', 'l.id']);
      return JSON.stringify(rows).length;
    };

    await baseline(); // warm-up
    for (const { form, path } of FORMS) {
      await throughApi(path); // warm-up
      // Wire bytes in a pass of their own, so the relay's copying is not in the timed runs.
      wire.reset();
      await throughApi(path, wire.url);
      const wireBytes = wire.bytes();
      const api: number[] = [];
      const base: number[] = [];
      let last = { rows: 0, bytes: 0, largest: 0, requests: 0 };
      for (let i = 0; i < RUNS; i++) {
        const a = await seconds(() => throughApi(path));
        api.push(a.seconds);
        last = a.result;
        base.push((await seconds(baseline)).seconds);
      }
      if (last.rows !== LINES) throw new Error(`expected ${LINES} rows, got ${last.rows}`);
      const apiSeconds = median(api);
      const baseSeconds = median(base);
      report({
        bench: 'orders-list',
        form,
        database: 'sqlite',
        lines: last.rows,
        requests: last.requests,
        page_size: PAGE,
        bytes_total: last.bytes,
        largest_response_bytes: last.largest,
        wire_bytes: wireBytes,
        wire_encoding: 'gzip',
        wire_target_bytes: 15_000_000,
        seconds: round(apiSeconds),
        lines_per_second: Math.round(LINES / apiSeconds),
        baseline_seconds: round(baseSeconds),
        baseline: 'one knex select of the same join, JSON.stringify',
        ratio: round(apiSeconds / baseSeconds, 2),
        target_ratio: 3,
      });
    }
  } finally {
    await wire.close();
    await s.close();
  }
}
