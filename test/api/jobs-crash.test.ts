// A server process killed (SIGKILL) at the worst moment of a mall action: the mall has done it, but its answer
// never reached us, so nothing of it is recorded here. After an immediate restart, no job stays running, a re-run
// starts at once, finishes the work without doing anything twice, and our lines agree with the mall's own state.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startChildServer, urlWithSchema, type ChildServer } from '../helpers/child-server.ts';
import { coupangMall, naverMall, type ApiClient, type MallFixture, type SandboxAdmin } from '../helpers/malls.ts';
import { CONFIRM_PART_LINES } from '../../server/jobs/confirm.job.ts';
import { inParts } from '../../server/jobs/in-parts.ts';
import { SEND_PART_BOXES } from '../../server/jobs/send-invoices.job.ts';
import { createTestSchema, testDialect } from '../helpers/server.ts';
import { cjNumbers } from '../helpers/sheet-lines.ts';
import { sleep, waitFor } from '../helpers/wait.ts';

const SECRET_KEY = 'jobs-crash-test-secret-key-0123456789abc';
/** How long the mall sits on the action before doing it (the server is killed meanwhile). */
const MALL_DELAY_MS = 1500;

type Row = {
  line_id: string;
  order_id: string;
  mall_line_id: string;
  mall_shipment_id: string | null;
  box_id: string | null;
  status: string;
  tracking_number: string | null;
};
const linesOf = async (s: ApiClient, accountId: string): Promise<Row[]> =>
  (await s.call('GET', `/api/order-lines?reason=shipping&mall_account_id=${accountId}&limit=10000`)).body.items;
const jobOf = async (s: ApiClient, id: string) => (await s.call('GET', `/api/jobs/${id}`)).body;
const start = async (s: ApiClient, type: string, accountId: string) => {
  const item = (await s.call('POST', '/api/jobs', { type, mall_account_ids: [accountId] })).body.items[0];
  assert.equal(item.started, true, JSON.stringify(item));
  return item.job.id as string;
};
const ended = (s: ApiClient, id: string) =>
  waitFor(`job ${id} to end`, async () => {
    const job = await jobOf(s, id);
    return job.state === 'queued' || job.state === 'running' ? undefined : job;
  });

const cj = cjNumbers(60123456700);

/** Lines confirmed here (NEW), boxed and SHIPPED with a CJ number each, through the API as an operator would. */
async function shipAll(s: ApiClient, accountId: string) {
  const orders = [...new Set((await linesOf(s, accountId)).filter((r) => r.status === 'NEW').map((r) => r.order_id))];
  const fresh = async () => (await Promise.all(orders.map((id) => s.call('GET', `/api/orders/${id}`)))).map((r) => r.body);
  await s.call('POST', '/api/transitions', { action: 'release', items: (await fresh()).map((d) => ({ id: d.id, version: d.version })) });
  await s.call('POST', '/api/transitions', {
    action: 'set_invoice',
    courier: 'CJ',
    items: (await fresh()).map((d) => ({ id: d.id, version: d.version, tracking_number: cj() })),
  });
  const shipped = await s.call('POST', '/api/transitions', { action: 'ship', items: (await fresh()).map((d) => ({ id: d.id, version: d.version })) });
  assert.equal(shipped.body.refused, 0, JSON.stringify(shipped.body.results));
}

/** What the mall says about each line: confirmed or not, and its tracking number (keyed by our mall refs). */
async function mallState(mall: 'naver' | 'coupang', admin: SandboxAdmin): Promise<Map<string, { confirmed: boolean; tracking: string | null }>> {
  const out = new Map<string, { confirmed: boolean; tracking: string | null }>();
  for (const o of await admin.listOrders()) {
    if (mall === 'naver') {
      for (const po of o.productOrders) out.set(String(po.productOrderId), { confirmed: po.placeOrderStatus === 'OK', tracking: po.trackingNumber });
    } else {
      for (const b of o.boxes) out.set(String(b.shipmentBoxId), { confirmed: b.status !== 'ACCEPT', tracking: b.invoiceNumber || null });
    }
  }
  return out;
}
const keyOf = (mall: 'naver' | 'coupang', r: Row) => (mall === 'naver' ? r.mall_line_id : r.mall_shipment_id!);

const MALLS = [
  ['naver', naverMall, { confirm: '/product-orders/confirm', send: '/product-orders/dispatch' }],
  ['coupang', coupangMall, { confirm: '/ordersheets/acknowledgement', send: '/orders/invoices' }],
] as const;

for (const [name, connect, paths] of MALLS) {
  describe(`${name}: killed while the mall does the action`, () => {
    let dataDir: string;
    let schema: Awaited<ReturnType<typeof createTestSchema>> | null = null;
    let env: Record<string, string>;
    let server: ChildServer;
    let mall: MallFixture<{ close(): Promise<void> }>;
    beforeAll(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-crash-mall-'));
      schema = testDialect() === 'postgres' ? await createTestSchema() : null;
      env = {
        SHIPSHEET_DATA_DIR: dataDir,
        SHIPSHEET_SECRET_KEY: SECRET_KEY,
        SHIPSHEET_JOB_HEARTBEAT_SECONDS: '0.5',
        SHIPSHEET_JOB_STALE_SECONDS: '120',
        ...(schema ? { DATABASE_URL: urlWithSchema(schema.databaseUrl, schema.schema) } : {}),
      };
      server = await startChildServer(env);
      mall = await connect(server, { initialOrders: 0 });
      await mall.admin.createOrders({ count: 4, status: 'paid' });
      assert.equal((await ended(server, await start(server, 'collect', mall.accountId))).state, 'succeeded');
    });
    afterAll(async () => {
      await server?.stop();
      await mall?.sandbox.close();
      await schema?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    /** Starts the job, kills the server once the mall holds the action's request, restarts at once. */
    async function killDuring(type: string, mallPath: string): Promise<string> {
      await mall.admin.addFaults([{ kind: 'delay', ms: MALL_DELAY_MS, path: mallPath, count: 100 }]);
      // The delay fault counts down when a request arrives (before the mall acts on it).
      const left = async () => ((await mall.admin.listFaults())[0]?.left ?? 0) as number;
      const id = await start(server, type, mall.accountId);
      await waitFor(`the ${type} request to reach the mall`, async () => ((await left()) < 100 ? true : undefined));
      await server.kill();
      await sleep(MALL_DELAY_MS + 300); // the mall does it; nobody hears the answer
      await mall.admin.clearFaults();
      server = await startChildServer(env);
      const old = await jobOf(server, id);
      assert.equal(old.state, 'failed', JSON.stringify(old));
      return id;
    }

    it('confirm: the re-run confirms what is left and takes the mall’s earlier confirmation as done', async () => {
      await killDuring('confirm', paths.confirm);
      // The mall confirmed while we were down; we still show the lines unconfirmed.
      const done = await mallState(name, mall.admin);
      const unheard = (await linesOf(server, mall.accountId)).filter((l) => l.status === 'PAID' && done.get(keyOf(name, l))?.confirmed);
      assert.ok(unheard.length > 0, 'the mall acted on the request of the killed server');
      const job = await ended(server, await start(server, 'confirm', mall.accountId));
      assert.equal(job.state, 'succeeded', job.error ?? JSON.stringify((await server.call('GET', `/api/jobs/${job.id}/results`)).body));
      const lines = await linesOf(server, mall.accountId);
      const there = await mallState(name, mall.admin);
      assert.ok(lines.length >= 4);
      for (const l of lines) {
        assert.equal(l.status, 'NEW', l.line_id);
        assert.equal(there.get(keyOf(name, l))?.confirmed, true, l.line_id);
      }
    });

    it('send invoices: the re-run takes the mall’s "already has that invoice" as sent; a third run has nothing to send', async () => {
      await shipAll(server, mall.accountId);
      await killDuring('send_invoices', paths.send);
      const done = await mallState(name, mall.admin);
      const unheard = (await linesOf(server, mall.accountId)).filter(
        (l) => l.status === 'SHIPPED' && done.get(keyOf(name, l))?.tracking === l.tracking_number,
      );
      assert.ok(unheard.length > 0, 'the mall took invoices the killed server never heard of');
      const job = await ended(server, await start(server, 'send_invoices', mall.accountId));
      assert.equal(job.state, 'succeeded', job.error ?? JSON.stringify((await server.call('GET', `/api/jobs/${job.id}/results`)).body));
      const lines = await linesOf(server, mall.accountId);
      const there = await mallState(name, mall.admin);
      for (const l of lines) {
        assert.equal(l.status, 'IN_TRANSIT', l.line_id);
        assert.equal(there.get(keyOf(name, l))?.tracking, l.tracking_number, l.line_id);
      }
      // A third run has nothing left to send.
      const third = await ended(server, await start(server, 'send_invoices', mall.accountId));
      assert.equal(third.total, 0);
    });

    /**
     * Starts the job with the mall holding (never answering) the request that carries `marker`, the first item of
     * the job's second part; waits until the first part is recorded, kills the server and restarts it at once.
     */
    async function killInSecondPart(type: string, mallPath: string, marker: string) {
      await mall.admin.addFaults([{ kind: 'hang', path: mallPath, carrying: marker, count: 1000 }]);
      const id = await start(server, type, mall.accountId);
      await waitFor('the first part to be recorded', async () => ((await jobOf(server, id)).ok > 0 ? true : undefined));
      await server.kill();
      await mall.admin.clearFaults();
      server = await startChildServer(env);
      const old = await jobOf(server, id);
      assert.equal(old.state, 'failed', JSON.stringify(old));
      const recorded = (await server.call('GET', `/api/jobs/${id}/results?limit=1000`)).body.items as { ref_id: string; result: string }[];
      assert.ok(
        recorded.every((r) => r.result === 'ok'),
        JSON.stringify(recorded.filter((r) => r.result !== 'ok')),
      );
      return { old, recorded: new Set(recorded.map((r) => r.ref_id)) };
    }

    it(`confirm goes in parts of ${CONFIRM_PART_LINES} lines, an order's lines together: killed in a later part, the parts the mall answered are already recorded`, async () => {
      const paid = async () => (await linesOf(server, mall.accountId)).filter((l) => l.status === 'PAID');
      await mall.admin.createOrders({ count: SEND_PART_BOXES + 20, status: 'paid' });
      assert.equal((await ended(server, await start(server, 'collect', mall.accountId))).state, 'succeeded');
      while ((await paid()).length <= CONFIRM_PART_LINES) {
        await mall.admin.createOrders({ count: 20, status: 'paid' });
        assert.equal((await ended(server, await start(server, 'collect', mall.accountId))).state, 'succeeded');
      }
      // The job takes the lines in id order, an order's lines in the same part.
      const lines = (await paid()).sort((x, y) => (x.line_id < y.line_id ? -1 : 1));
      const [first, second] = inParts(lines, CONFIRM_PART_LINES, (l) => l.order_id);
      const { old, recorded } = await killInSecondPart('confirm', paths.confirm, keyOf(name, second![0]!));
      assert.equal(old.total, lines.length);
      assert.deepEqual([...recorded].sort(), first!.map((l) => l.line_id).sort());
      const now = await linesOf(server, mall.accountId);
      for (const l of now) if (recorded.has(l.line_id)) assert.equal(l.status, 'NEW', l.line_id);
      // No order was cut between the parts: its lines are all confirmed here, or none.
      const statusesOf = new Map<string, Set<string>>();
      for (const l of now)
        if (l.status === 'NEW' || l.status === 'PAID') statusesOf.set(l.order_id, (statusesOf.get(l.order_id) ?? new Set()).add(l.status));
      for (const [order, statuses] of statusesOf) assert.equal(statuses.size, 1, order);
      const rerun = await ended(server, await start(server, 'confirm', mall.accountId));
      assert.equal(rerun.state, 'succeeded', rerun.error ?? '');
      assert.equal(rerun.total, lines.length - first!.length);
      const there = await mallState(name, mall.admin);
      for (const l of lines) assert.equal(there.get(keyOf(name, l))?.confirmed, true, l.line_id);
      assert.deepEqual(await paid(), []);
    });

    it(`send invoices goes in parts of ${SEND_PART_BOXES} boxes, the next sent while one is recorded: killed in a later part, the parts the mall answered are already recorded`, async () => {
      const before = new Set((await linesOf(server, mall.accountId)).filter((l) => l.status === 'IN_TRANSIT').map((l) => l.line_id));
      // Orders of its own, confirmed at the mall (with those the confirm test left, when it ran first).
      await mall.admin.createOrders({ count: SEND_PART_BOXES + 20, status: 'confirmed' });
      assert.equal((await ended(server, await start(server, 'collect', mall.accountId))).state, 'succeeded');
      await shipAll(server, mall.accountId);
      const fresh = async () => (await linesOf(server, mall.accountId)).filter((l) => !before.has(l.line_id));
      // The job takes the boxes in id order.
      const boxes = [...new Set((await fresh()).map((l) => l.box_id!))].sort();
      assert.ok(boxes.length > SEND_PART_BOXES, String(boxes.length));
      const trackingOf = new Map((await fresh()).map((l) => [l.box_id!, l.tracking_number!]));
      const { old, recorded } = await killInSecondPart('send_invoices', paths.send, trackingOf.get(boxes[SEND_PART_BOXES]!)!);
      assert.equal(old.total, boxes.length);
      assert.deepEqual([...recorded].sort(), boxes.slice(0, SEND_PART_BOXES));
      // The recorded boxes' lines moved on at once; the rest wait for the re-run.
      for (const l of await fresh()) assert.equal(l.status, recorded.has(l.box_id!) ? 'IN_TRANSIT' : 'SHIPPED', l.line_id);
      const rerun = await ended(server, await start(server, 'send_invoices', mall.accountId));
      assert.equal(rerun.state, 'succeeded', rerun.error ?? '');
      assert.equal(rerun.total, boxes.length - SEND_PART_BOXES);
      const there = await mallState(name, mall.admin);
      for (const l of await linesOf(server, mall.accountId)) {
        assert.equal(l.status, 'IN_TRANSIT', l.line_id);
        assert.equal(there.get(keyOf(name, l))?.tracking, l.tracking_number, l.line_id);
      }
    });

    it('sync after the crashes: nothing to fix, no job left running', async () => {
      const job = await ended(server, await start(server, 'sync', mall.accountId));
      assert.notEqual(job.state, 'failed', job.error);
      const active = (await server.call('GET', `/api/jobs?mall_account_id=${mall.accountId}`)).body.items.filter(
        (j: { state: string }) => j.state === 'running' || j.state === 'queued',
      );
      assert.deepEqual(active, []);
    });
  });
}
