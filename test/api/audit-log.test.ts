// The audit log, read by admins: every import, its undo, an order upload and a retention run are found there with
// who, when, from where and the counts (never personal data); others cannot read it.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { makeOrder, putInBox } from '../helpers/builders.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { trackingNumber } from '../helpers/sheet-lines.ts';

let s: TestServer;
let adminId: string;
beforeAll(async () => {
  s = await startTestServer();
  adminId = (await s.call('GET', '/api/auth/me')).body.id;
});
afterAll(() => s.close());

const log = async (query = '') => {
  const res = await s.call('GET', `/api/audit/log${query}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body as { items: Record<string, any>[]; next_cursor: number | null };
};

describe('audit log', () => {
  it('an invoice import and its undo are found with who, from where and the counts', async () => {
    const o = await makeOrder(s.deps.db, { status: 'READY' });
    const boxId = await putInBox(s.deps.db, o.lineIds, {});
    const source = {
      kind: 'sheet',
      name: '운송장',
      rows: [
        ['고객주문번호', '운송장번호'],
        [boxId, trackingNumber(91_001)],
      ],
    };
    const applied = await s.call('POST', '/api/invoice-imports', { source, template_id: 'invoice_cj' });
    assert.equal(applied.status, 200, JSON.stringify(applied.body));
    const importId = applied.body.import_id as string;

    const [entry] = (await log(`?entity=invoice_import&entity_id=${importId}`)).items;
    assert.equal(entry!.action, 'invoice_import_applied');
    assert.equal(entry!.actor_id, adminId);
    assert.match(entry!.ip, /127\.0\.0\.1|::1/);
    assert.ok(entry!.request_id);
    assert.equal(entry!.detail.new, 1);
    assert.equal(entry!.detail.template_id, 'invoice_cj');
    assert.doesNotMatch(JSON.stringify(entry), new RegExp(o.lineIds[0]!), 'ids of the import, not of the lines');

    const undone = await s.call('POST', `/api/invoice-imports/${importId}/undo`);
    assert.equal(undone.status, 200, JSON.stringify(undone.body));
    const actions = (await log(`?entity=invoice_import&entity_id=${importId}`)).items.map((e) => e.action);
    assert.deepEqual(actions, ['invoice_import_undone', 'invoice_import_applied'], 'newest first');
    assert.equal((await log('?action=invoice_import_undone')).items[0]!.detail.boxes, 1);
  });

  it('an order upload and a retention run are there too; the filters and the paging hold', async () => {
    const rows = [
      ['주문번호', '받는분', '휴대폰', '주소', '상품명', '수량', '금액'],
      ['AUD-1', '감사용', '010-2222-3333', '서울특별시 중구 세종대로 110', '감사 상품', 1, 1000],
    ];
    const uploaded = await s.call('POST', '/api/order-uploads', {
      source: { kind: 'sheet', name: '도매', rows },
      template: { id: 'order_wholesale' },
      channel: { channel_name: '감사도매' },
    });
    assert.equal(uploaded.status, 200, JSON.stringify(uploaded.body));
    const run = await s.call('POST', '/api/admin/retention/run');
    assert.equal(run.status, 200, JSON.stringify(run.body));

    const all = await log();
    const actions = all.items.map((e) => e.action);
    for (const a of ['order_upload_registered', 'retention.erase', 'invoice_import_applied']) assert.ok(actions.includes(a), `${a} in ${actions}`);
    assert.doesNotMatch(JSON.stringify(all.items), /감사용|2222-3333|세종대로/, 'no personal data in the log');

    const first = await log('?limit=1');
    assert.equal(first.items.length, 1);
    assert.ok(first.next_cursor);
    const second = await log(`?limit=1&cursor=${first.next_cursor}`);
    assert.ok(second.items[0]!.id < first.items[0]!.id);
  });

  it('only admins read it', async () => {
    const operator = await s.tokenFor('operator');
    const res = await s.call('GET', '/api/audit/log', undefined, { token: operator });
    assert.equal(res.status, 403);
  });
});
