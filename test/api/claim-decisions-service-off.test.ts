// 클레임 처리 전송 has no switch of its own: a claim decided here goes to the mall with the account's 주문동기화
// (sync) service. When that is off, the refusal names the switch the operator can turn on, in their language —
// not a "클레임 처리 전송 서비스" found nowhere in the accounts tab.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { naverMall } from '../helpers/malls.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.close();
});

describe('claim decisions with 주문동기화 off', () => {
  it('are refused naming 주문동기화 (ko) and Sync (en), the switch in the accounts tab', async () => {
    const mall = await naverMall(s, { initialOrders: 0 });
    try {
      assert.equal((await s.call('PATCH', `/api/mall-accounts/${mall.accountId}`, { sync_enabled: false })).status, 200);
      const start = (lang?: string) =>
        s.call('POST', '/api/jobs', { type: 'claim_decisions', mall_account_ids: [mall.accountId] }, lang ? { lang } : undefined);
      const ko = (await start('ko')).body.items[0];
      assert.equal(ko.code, 'service_off');
      assert.match(ko.message, /주문동기화가 꺼져 있습니다/);
      assert.match(ko.message, /계정 탭의 연동 기능에서 주문동기화를 켜세요/);
      assert.doesNotMatch(ko.message, /클레임 처리 전송 서비스/);
      const en = (await start()).body.items[0];
      assert.match(en.message, /with the Sync service, which is switched off/);
      assert.match(en.message, /Switch Sync on under Mall services in the accounts tab/);
      assert.doesNotMatch(en.message, /Send claim decisions service/);
    } finally {
      await mall.sandbox.close();
    }
  });
});
