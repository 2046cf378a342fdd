// collect: 10,000 orders collected from a sandbox mall by a collect job (pages, details, mapping, one transaction
// per order, history, results), against fetching the same pages and details with no processing, in the same run.
import { listChanged, queryDetails } from '../server/connectors/naver/feed.ts';
import { benchServer, report, round, seconds } from './harness.ts';
import { naverWithOrders } from './mall-fixture.ts';

const ORDERS = 10_000;

export async function run(): Promise<void> {
  const s = await benchServer();
  try {
    const { sandbox, accountId, client } = await naverWithOrders(s.deps, ORDERS, 101);
    const window = { from: new Date(Date.now() - 4 * 86400_000).toISOString(), to: new Date().toISOString() };
    const fetchOnly = async () => {
      const changed = await listChanged(client, window);
      return (await queryDetails(client, [...changed.keys()])).length;
    };
    await fetchOnly(); // warm-up: token, connections
    const base = await seconds(fetchOnly);
    const job = await seconds(async () => {
      await s.deps.runner.start({ type: 'collect', accountId, params: window, actor: { type: 'system', id: null }, trigger: 'manual' });
      await s.deps.runner.idle();
    });
    const stored = await s.deps.db('orders').where({ mall_account_id: accountId }).count({ n: '*' });
    const lines = await s.deps.db('order_lines').where({ mall_account_id: accountId }).count({ n: '*' });
    if (Number(stored[0]!.n) !== ORDERS) throw new Error(`expected ${ORDERS} orders, stored ${stored[0]!.n}`);
    await sandbox.close();
    report({
      bench: 'collect',
      database: 'sqlite',
      mall: 'naver sandbox',
      orders: ORDERS,
      lines: Number(lines[0]!.n),
      product_orders_fetched: base.result,
      seconds: round(job.seconds),
      orders_per_second: Math.round(ORDERS / job.seconds),
      baseline_seconds: round(base.seconds),
      baseline: 'the same change pages and detail queries over HTTP, no mapping, no database',
      ratio: round(job.seconds / base.seconds, 2),
      target_ratio: 2,
    });
  } finally {
    await s.close();
  }
}
