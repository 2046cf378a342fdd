// collect: 10,000 orders collected from a sandbox mall by a collect job (pages, details, mapping, one transaction
// per order, history, results), against fetching the same pages and details with no processing, in the same run.
// Three runs, each on a sandbox mall of its own (a collect is idempotent: a second run of the same mall writes
// nothing); medians reported, as one run alone moved the ratio by ±0.2 on this machine.
import { listChanged, queryDetails } from '../server/connectors/naver/feed.ts';
import { benchServer, median, report, round, seconds } from './harness.ts';
import { naverWithOrders } from './mall-fixture.ts';

const ORDERS = 10_000;
const RUNS = 3;

export async function run(): Promise<void> {
  const s = await benchServer();
  try {
    const jobs: number[] = [];
    const bases: number[] = [];
    let fetched = 0;
    let lines = 0;
    for (let i = 0; i < RUNS; i++) {
      const { sandbox, accountId, client } = await naverWithOrders(s.deps, ORDERS, 101 + i);
      try {
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
        if (Number(stored[0]!.n) !== ORDERS) throw new Error(`expected ${ORDERS} orders, stored ${stored[0]!.n}`);
        const counted = await s.deps.db('order_lines').where({ mall_account_id: accountId }).count({ n: '*' });
        lines = Number(counted[0]!.n);
        fetched = base.result;
        bases.push(base.seconds);
        jobs.push(job.seconds);
      } finally {
        await sandbox.close();
      }
    }
    const jobSeconds = median(jobs);
    const baseSeconds = median(bases);
    report({
      bench: 'collect',
      database: 'sqlite',
      mall: 'naver sandbox',
      orders: ORDERS,
      lines,
      product_orders_fetched: fetched,
      runs: RUNS,
      seconds: round(jobSeconds),
      orders_per_second: Math.round(ORDERS / jobSeconds),
      baseline_seconds: round(baseSeconds),
      baseline: 'the same change pages and detail queries over HTTP, no mapping, no database',
      ratio: round(jobSeconds / baseSeconds, 2),
      runs_ratio: jobs.map((j, i) => round(j / bases[i]!, 2)),
      target_ratio: 2,
    });
  } finally {
    await s.close();
  }
}
