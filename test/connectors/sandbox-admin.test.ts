// The sandbox malls' admin API as the README documents it, on both malls: faults queued with POST are listed by
// GET /_sandbox/faults with the answers each has left, a request a fault answers uses one up, DELETE empties the list.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startCoupangSandbox, type CoupangSandbox } from '../../server/sandbox/coupang/coupang.sandbox.ts';
import { startNaverSandbox, type NaverSandbox } from '../../server/sandbox/naver/naver.sandbox.ts';
import { sandboxAdmin } from '../helpers/malls.ts';

const sandboxes: [string, () => Promise<CoupangSandbox | NaverSandbox>, string][] = [
  [
    'coupang',
    () => startCoupangSandbox({ vendorId: 'A00012345', accessKey: 'a'.repeat(32), secretKey: 'b'.repeat(48), seed: 1 }),
    '/v2/providers/openapi/apis/api/v4/vendors/A00012345/ordersheets',
  ],
  [
    'naver',
    () => startNaverSandbox({ clientId: 'adminlisttest', clientSecret: '$2a$04$yRlwyVTs4QW/Ponr6vja0O', seed: 1 }),
    '/v1/pay-order/seller/product-orders/last-changed-statuses',
  ],
];

for (const [name, start, apiPath] of sandboxes) {
  describe(`${name} sandbox: GET /_sandbox/faults`, () => {
    let sandbox: CoupangSandbox | NaverSandbox;
    beforeAll(async () => {
      sandbox = await start();
    });
    afterAll(() => sandbox.close());

    it('lists the queued faults with the answers left, uses one up per faulted request, and is empty after DELETE', async () => {
      const admin = sandboxAdmin(sandbox.url);
      assert.deepEqual(await admin.listFaults(), []);
      await admin.addFaults([
        { kind: 'status', status: 503, count: 2, path: apiPath.split('/').pop() },
        { kind: 'delay', ms: 10, path: '/nowhere' },
      ]);
      assert.deepEqual(await admin.listFaults(), [
        { kind: 'status', status: 503, count: 2, path: apiPath.split('/').pop(), left: 2 },
        { kind: 'delay', ms: 10, path: '/nowhere', left: 1 },
      ]);
      const faulted = await fetch(sandbox.url + apiPath);
      assert.equal(faulted.status, 503);
      assert.equal((await admin.listFaults())[0].left, 1);
      await admin.clearFaults();
      assert.deepEqual(await admin.listFaults(), []);
    });
  });
}

// npm start restarts the sandboxes with the same seed (the same sample orders, collected once); orders made after a
// restart must not repeat the ids of orders made before it, or collect skips them as already collected.
const restartable: [string, (laterSeed: number) => Promise<CoupangSandbox | NaverSandbox>][] = [
  [
    'coupang',
    (laterSeed) =>
      startCoupangSandbox({ vendorId: 'A00012345', accessKey: 'a'.repeat(32), secretKey: 'b'.repeat(48), seed: 11, initialOrders: 3, laterSeed }),
  ],
  [
    'naver',
    (laterSeed) =>
      startNaverSandbox({ clientId: 'restarttest', clientSecret: '$2a$04$yRlwyVTs4QW/Ponr6vja0O', seed: 22, initialOrders: 3, laterSeed }),
  ],
];

for (const [name, start] of restartable) {
  it(`${name} sandbox restarted with the same seed: the same sample orders, then new ids for new orders`, async () => {
    const ids = async (laterSeed: number) => {
      const sandbox = await start(laterSeed);
      try {
        const admin = sandboxAdmin(sandbox.url);
        const sample = (await admin.listOrders()).map((o: { orderId: string | number }) => String(o.orderId)).sort();
        const made = (await admin.createOrders({ count: 2 })).map((o: { orderId: string | number }) => String(o.orderId));
        return { sample, made };
      } finally {
        await sandbox.close();
      }
    };
    const first = await ids(1);
    const second = await ids(2);
    assert.deepEqual(second.sample, first.sample);
    assert.equal(second.made.filter((id) => first.made.includes(id)).length, 0, `${first.made} / ${second.made}`);
  });
}
