// Collect writes what the mall has handed over page by page, while it reads the next page: a mall that fails
// halfway leaves the earlier pages stored and reported, and the re-run brings in the rest, each order once.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { naverMall, runJob } from '../helpers/malls.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.close();
});

const QUERY = '/product-orders/query';

describe('naver collect, page by page', () => {
  it('a detail query that keeps failing after the first page: that page is stored and reported, the re-run adds the rest once', async () => {
    const mall = await naverMall(s, { initialOrders: 0 });
    try {
      const orders = await mall.admin.createOrders({ count: 400, status: 'paid' });
      const productOrders = orders.reduce((n: number, o: { productOrders: unknown[] }) => n + o.productOrders.length, 0);
      assert.ok(productOrders > 300, 'more than one detail query of 300');
      // The first detail query goes through (a delay of 0 is no fault); every later one fails past the retries.
      await mall.admin.addFaults([
        { kind: 'delay', ms: 0, count: 1, path: QUERY },
        { kind: 'status', status: 503, count: 50, path: QUERY },
      ]);
      const failed = await runJob(s, 'collect', mall.accountId);
      assert.equal(failed.job.state, 'failed');
      assert.ok(failed.job.ok > 0 && failed.job.ok < orders.length, `first page stored: ${failed.job.ok} of ${orders.length}`);
      const stored = (await s.call('GET', `/api/orders?reason=shipping&mall_account_id=${mall.accountId}&limit=1000`)).body.items;
      assert.equal(stored.length, failed.job.ok, 'every order reported as collected is stored, and only those');
      assert.equal(failed.results.filter((r: { result: string }) => r.result === 'ok').length, failed.job.ok);

      await mall.admin.clearFaults();
      const rerun = await runJob(s, 'collect', mall.accountId);
      assert.equal(rerun.job.state, 'succeeded', rerun.job.error);
      assert.equal(rerun.job.ok, orders.length - failed.job.ok);
      assert.equal(rerun.job.skipped, failed.job.ok);
      const lines = (await s.call('GET', `/api/order-lines?reason=shipping&mall_account_id=${mall.accountId}&limit=10000`)).body.items;
      assert.equal(lines.length, productOrders);
      assert.equal(new Set(lines.map((l: { mall_line_id: string }) => l.mall_line_id)).size, productOrders, 'no line twice');
    } finally {
      await mall.sandbox.close();
    }
  });
});
