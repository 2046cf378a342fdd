// Per-account automation (issue 13 §6): each setting off by default and then nothing automatic happens; on, the
// step happens through the engine with the setting named as the history reason; refused cases stay where they are.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { readStoredText, render } from '../../shared/i18n.ts';
import { makeOrder, makeSku, putInBox, setLineSkus } from '../helpers/builders.ts';
import { coupangMall, naverMall, runJob, type MallFixture } from '../helpers/malls.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { trackingNumber } from '../helpers/sheet-lines.ts';
import { saveOrderNumberTemplate } from '../helpers/invoice-templates.ts';

let s: TestServer;
let coupang: MallFixture<{ close(): Promise<void> }>;
let naver: MallFixture<{ close(): Promise<void> }>;
beforeAll(async () => {
  s = await startTestServer();
  coupang = await coupangMall(s);
  naver = await naverMall(s);
});
afterAll(async () => {
  await s.close();
  await coupang?.sandbox.close();
  await naver?.sandbox.close();
});

type ViewRow = Record<string, any> & { line_id: string; line_version: number };
const settings = async (accountId: string, patch: Record<string, unknown>) => {
  const res = await s.call('PATCH', `/api/mall-accounts/${accountId}`, patch);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
};
const ALL_OFF = { auto_confirm: false, auto_release: false, auto_ship: false, auto_send: false, default_courier: null };
const view = async (lineIds: string[]): Promise<ViewRow[]> => (await s.call('POST', '/api/sheet/lines', { line_ids: lineIds })).body.items;
const push = (rows: Record<string, unknown>[]) => s.call('POST', '/api/sheet/push', { rows });
/** A line's history, its reasons in Korean (the automatic steps' are stored Messages). */
const historyOf = async (lineId: string) =>
  (
    (await s.deps
      .db('status_history')
      .where({ entity: 'line', entity_id: lineId })
      .orderBy('id')
      .select('action', 'to_status', 'reason', 'actor_type')) as {
      action: string;
      to_status: string;
      reason: string | null;
      actor_type: string;
    }[]
  ).map((h) => ({ ...h, reason: h.reason === null ? null : render(readStoredText(h.reason), 'ko') }));
const linesOf = async (accountId: string): Promise<ViewRow[]> =>
  (await s.call('GET', `/api/order-lines?reason=shipping&mall_account_id=${accountId}&limit=1000`)).body.items;

let serial = 500;
const cj = () => trackingNumber(++serial);

describe('account automation settings', () => {
  it('are off by default, changed by PATCH, and a courier must be one we know', async () => {
    const account = (await s.call('GET', `/api/mall-accounts/${coupang.accountId}`)).body;
    assert.deepEqual(
      [account.auto_confirm, account.auto_release, account.auto_ship, account.auto_send, account.default_courier],
      [false, false, false, false, null],
    );
    const on = await settings(coupang.accountId, { auto_release: true, default_courier: 'CJ', auto_ship: true, auto_send: true });
    assert.deepEqual([on.auto_release, on.auto_ship, on.auto_send, on.default_courier], [true, true, true, 'CJ']);
    const bad = await s.call('PATCH', `/api/mall-accounts/${coupang.accountId}`, { default_courier: 'NOPE' });
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(bad.body), /default_courier/);
    await settings(coupang.accountId, ALL_OFF);
  });
});

describe('release on confirm', () => {
  for (const [name, mall] of [
    ['naver', () => naver],
    ['coupang', () => coupang],
  ] as const) {
    it(`${name}: off, confirmed lines stay 신규; on, they move to 출고대기 in the same run, named by the setting`, async () => {
      const { accountId, admin } = mall();
      await settings(accountId, { ...ALL_OFF, auto_confirm: true });
      await admin.createOrders({ count: 2, status: 'paid' });
      await runJob(s, 'collect', accountId);
      await s.deps.runner.idle();
      const off = (await linesOf(accountId)).filter((l) => l.status !== 'READY');
      assert.ok(off.length >= 2 && off.every((l) => l.status === 'NEW'), JSON.stringify(off.map((l) => l.status)));

      await settings(accountId, { auto_release: true });
      await admin.createOrders({ count: 3, status: 'paid' });
      await runJob(s, 'collect', accountId);
      await s.deps.runner.idle();
      const fresh = (await linesOf(accountId)).filter((l) => !off.some((o) => o.line_id === l.line_id));
      assert.equal(fresh.length, 3);
      for (const l of fresh) {
        assert.equal(l.status, 'READY');
        const history = await historyOf(l.line_id);
        assert.deepEqual(
          history.map((h) => `${h.action}:${h.to_status}`),
          ['collect:PAID', 'confirm:NEW', 'release:READY'],
        );
        assert.equal(history[2]!.reason, '자동: 발주확인 시 출고지시');
        assert.equal(history[2]!.actor_type, 'job'); // who: the confirm job
      }
      // The order detail says it in the reader's language.
      const detail = (await s.call('GET', `/api/orders/${fresh[0]!.order_id}`, undefined, { lang: 'en' })).body;
      assert.ok(
        detail.history.some((h: { action: string; reason: string }) => h.action === 'release' && h.reason === 'Automatic: released once confirmed'),
      );
      // The lines confirmed before the switch are not released by it.
      assert.ok((await view(off.map((l) => l.line_id))).every((l) => l.status === 'NEW'));
      await settings(accountId, ALL_OFF);
    });
  }

  it('a line that may not be released (order on hold) stays 신규 after the confirm', async () => {
    const { accountId, admin } = coupang;
    await settings(accountId, { ...ALL_OFF, auto_confirm: false, auto_release: true });
    await admin.createOrders({ count: 1, status: 'paid' });
    await runJob(s, 'collect', accountId);
    const paid = (await linesOf(accountId)).find((l) => l.status === 'PAID')!;
    await s.deps.db('orders').where({ id: paid.order_id }).update({ hold: true, hold_reason: '주소 확인' });
    await runJob(s, 'confirm', accountId);
    assert.equal((await view([paid.line_id]))[0]!.status, 'NEW');
    await settings(accountId, ALL_OFF);
  });
});

describe('default courier', () => {
  it('off: no courier shown and a number without one is refused; on: shown after pull and used for the number', async () => {
    const accountId = coupang.accountId;
    await settings(accountId, ALL_OFF);
    const a = await makeOrder(s.deps.db, { status: 'READY', mallAccountId: accountId });
    assert.equal((await view(a.lineIds))[0]!.courier, null);
    const refused = await push([{ line_id: a.lineIds[0], line_version: 1, tracking_number: cj() }]);
    assert.equal(refused.body.results[0].code, 'courier_required');

    await settings(accountId, { default_courier: 'CJ' });
    assert.equal((await view(a.lineIds))[0]!.courier, 'CJ');
    const pulled = (await linesOf(accountId)).find((l) => l.line_id === a.lineIds[0])!;
    assert.equal(pulled.courier, 'CJ');
    // The column form, asked for the courier alone, shows it too (and only what was asked).
    const columns = (await s.call('GET', `/api/order-lines/columns?mall_account_id=${accountId}&fields=courier&limit=1000`)).body;
    assert.ok(JSON.stringify(columns).includes('CJ'), JSON.stringify(columns).slice(0, 300));
    // A push that changes something else answers with the courier too: the pane writes it back into the row.
    const memo = await push([{ line_id: a.lineIds[0], line_version: 1, memo: '오전 출고' }]);
    assert.equal(memo.body.results[0].result, 'applied', JSON.stringify(memo.body.results));
    assert.deepEqual(
      memo.body.lines.map((l: ViewRow) => [l.line_id, l.courier, 'mall_account_id' in l]),
      [[a.lineIds[0], 'CJ', false]],
    );
    const number = cj();
    const applied = await push([{ line_id: a.lineIds[0], line_version: 2, tracking_number: number }]);
    assert.equal(applied.body.results[0].result, 'applied', JSON.stringify(applied.body.results));
    const after = (await view(a.lineIds))[0]!;
    assert.deepEqual([after.status, after.courier, after.tracking_number], ['INVOICED', 'CJ', number]);
    // Lines of other accounts (or none) are untouched by it.
    const other = await makeOrder(s.deps.db, { status: 'READY' });
    assert.equal((await view(other.lineIds))[0]!.courier, null);
    await settings(accountId, ALL_OFF);
  });
});

describe('ship once numbered', () => {
  it('off: a number leaves the box 송장입력; on: it ships in the same push, with the setting as the reason', async () => {
    const accountId = coupang.accountId;
    await settings(accountId, ALL_OFF);
    const a = await makeOrder(s.deps.db, { status: 'READY', mallAccountId: accountId });
    await push([{ line_id: a.lineIds[0], line_version: 1, courier: 'CJ', tracking_number: cj() }]);
    assert.equal((await view(a.lineIds))[0]!.status, 'INVOICED');

    await settings(accountId, { auto_ship: true });
    const b = await makeOrder(s.deps.db, { status: 'READY', mallAccountId: accountId });
    const res = await push([{ line_id: b.lineIds[0], line_version: 1, courier: 'CJ', tracking_number: cj() }]);
    assert.equal(res.body.results[0].result, 'applied');
    // The push answers with the line as it is now: shipped.
    assert.equal(res.body.lines.find((l: ViewRow) => l.line_id === b.lineIds[0]).status, 'SHIPPED');
    const history = await historyOf(b.lineIds[0]!);
    assert.deepEqual(
      history.slice(-2).map((h) => `${h.action}:${h.to_status}:${h.reason ?? ''}:${h.actor_type}`),
      ['set_invoice:INVOICED::user', 'ship:SHIPPED:자동: 송장 입력 시 출고:user'],
    );
    assert.equal(res.body.auto_jobs, undefined, 'no send without auto_send');
    await settings(accountId, ALL_OFF);
  });

  it('an invalid number is refused and nothing ships; a bulk set_invoice ships too', async () => {
    const accountId = coupang.accountId;
    await settings(accountId, { ...ALL_OFF, auto_ship: true });
    const a = await makeOrder(s.deps.db, { status: 'READY', mallAccountId: accountId });
    const res = await push([{ line_id: a.lineIds[0], line_version: 1, courier: 'CJ', tracking_number: '12345' }]);
    assert.equal(res.body.results[0].result, 'refused');
    assert.equal((await view(a.lineIds))[0]!.status, 'READY');
    const b = await makeOrder(s.deps.db, { status: 'READY', mallAccountId: accountId });
    const bulk = await s.call('POST', '/api/transitions', {
      action: 'set_invoice',
      courier: 'CJ',
      items: [{ id: b.lineIds[0], version: 1, tracking_number: cj() }],
    });
    assert.equal(bulk.body.results[0].result, 'applied');
    assert.equal((await view(b.lineIds))[0]!.status, 'SHIPPED');
    await settings(accountId, ALL_OFF);
  });

  it('an order numbered row by row ships once all its rows are in the box, not with the first', async () => {
    const accountId = coupang.accountId;
    await settings(accountId, { ...ALL_OFF, auto_ship: true });
    const a = await makeOrder(s.deps.db, { status: 'READY', mallAccountId: accountId, lines: 3 });
    const number = cj();
    const res = await push(a.lineIds.map((id) => ({ line_id: id, line_version: 1, courier: 'CJ', tracking_number: number })));
    assert.deepEqual(
      res.body.results.map((r: { result: string }) => r.result),
      ['applied', 'applied', 'applied'],
    );
    const lines = await view(a.lineIds);
    assert.deepEqual(
      lines.map((l) => l.status),
      ['SHIPPED', 'SHIPPED', 'SHIPPED'],
    );
    assert.equal(new Set(lines.map((l) => l.box_id)).size, 1);
    for (const id of a.lineIds) assert.equal((await historyOf(id)).filter((h) => h.action === 'ship').length, 1);
    await settings(accountId, ALL_OFF);
  });

  it('a number with a suspect check digit is kept with its warning but neither shipped nor sent by itself', async () => {
    const accountId = coupang.accountId;
    await settings(accountId, { ...ALL_OFF, auto_ship: true, auto_send: true });
    const a = await makeOrder(s.deps.db, { status: 'READY', mallAccountId: accountId });
    const good = cj();
    const suspect = good.slice(0, -1) + String((Number(good.slice(-1)) + 1) % 10); // CJ's mod 7 is a warning only
    const res = await push([{ line_id: a.lineIds[0], line_version: 1, courier: 'CJ', tracking_number: suspect }]);
    assert.equal(res.body.results[0].result, 'applied', JSON.stringify(res.body.results));
    assert.match(JSON.stringify(res.body.results[0].warnings), /does not follow the usual check rule/);
    // The row says it was not shipped by itself (it read as an ordinary applied row).
    assert.match(JSON.stringify(res.body.results[0].warnings), /not shipped automatically \(ship once numbered\)/);
    assert.equal(res.body.auto_jobs, undefined);
    const line = (await view(a.lineIds))[0]!;
    assert.deepEqual([line.status, line.tracking_number], ['INVOICED', suspect]);
    // Looked at and kept: the operator ships it.
    const shipped = await s.call('POST', '/api/transitions', { action: 'ship', items: [{ id: a.lineIds[0], version: line.line_version }] });
    assert.equal(shipped.body.results[0].result, 'applied', JSON.stringify(shipped.body));
    await settings(accountId, ALL_OFF);
  });

  it('a box shared by two orders does not ship when the push holds either of them', async () => {
    const accountId = coupang.accountId;
    await settings(accountId, { ...ALL_OFF, auto_ship: true });
    // A merged box (합포): a line of A and a line of B, numbered together.
    for (const held of ['a', 'b'] as const) {
      const a = await makeOrder(s.deps.db, { status: 'READY', mallAccountId: accountId });
      const b = await makeOrder(s.deps.db, { status: 'READY', mallAccountId: accountId });
      await putInBox(s.deps.db, [a.lineIds[0]!, b.lineIds[0]!], {});
      const number = cj();
      const holdRow = { hold: true, hold_reason: '주소 확인' };
      const res = await push([
        { line_id: a.lineIds[0], line_version: 1, courier: 'CJ', tracking_number: number, ...(held === 'a' ? holdRow : {}) },
        { line_id: b.lineIds[0], line_version: 1, ...(held === 'b' ? holdRow : {}) },
      ]);
      assert.deepEqual(
        res.body.results.map((r: { result: string }) => r.result),
        ['applied', 'applied'],
        JSON.stringify(res.body.results),
      );
      const lines = await view([a.lineIds[0]!, b.lineIds[0]!]);
      assert.deepEqual(
        lines.map((l) => [l.status, l.tracking_number]),
        [
          ['INVOICED', number],
          ['INVOICED', number],
        ],
        `held ${held}`,
      );
    }
    await settings(accountId, ALL_OFF);
  });

  it('an invoice import ships the boxes it numbers; its undo is then refused (they moved on), not done halfway', async () => {
    const accountId = coupang.accountId;
    await settings(accountId, { ...ALL_OFF, auto_ship: true });
    const a = await makeOrder(s.deps.db, { status: 'READY', mallAccountId: accountId });
    const boxId = await putInBox(s.deps.db, a.lineIds, {});
    const source = {
      kind: 'sheet',
      name: '운송장',
      rows: [
        ['고객주문번호', '운송장번호'],
        [boxId, cj()],
      ],
    };
    const res = await s.call('POST', '/api/invoice-imports', { source, template_id: 'invoice_cj' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const line = (await view(a.lineIds))[0]!;
    assert.equal(line.status, 'SHIPPED');
    assert.equal(res.body.auto_jobs, undefined, 'no send job without send once shipped');
    assert.ok((await historyOf(a.lineIds[0]!)).some((h) => h.action === 'ship' && h.reason === '자동: 송장 입력 시 출고'));
    const undo = await s.call('POST', `/api/invoice-imports/${res.body.import_id}/undo`);
    assert.equal(undo.status, 409, JSON.stringify(undo.body));
    assert.equal(undo.body.error.code, 'undo_blocked');
    assert.equal((await view(a.lineIds))[0]!.tracking_number, line.tracking_number);
    await settings(accountId, ALL_OFF);
  });

  it('two pushes of one row at once: one applies and ships once, the other is stale', async () => {
    const accountId = coupang.accountId;
    await settings(accountId, { ...ALL_OFF, auto_ship: true });
    const a = await makeOrder(s.deps.db, { status: 'READY', mallAccountId: accountId });
    const [x, y] = await Promise.all([
      push([{ line_id: a.lineIds[0], line_version: 1, courier: 'CJ', tracking_number: cj() }]),
      push([{ line_id: a.lineIds[0], line_version: 1, courier: 'CJ', tracking_number: cj() }]),
    ]);
    const outcomes = [x.body.results[0], y.body.results[0]].map((r) => `${r.result}:${r.code ?? ''}`).sort();
    assert.deepEqual(outcomes, ['applied:', 'refused:stale_version']);
    const ships = (await historyOf(a.lineIds[0]!)).filter((h) => h.action === 'ship');
    assert.equal(ships.length, 1);
    await settings(accountId, ALL_OFF);
  });
});

describe('send once shipped', () => {
  for (const [name, mall] of [
    ['naver', () => naver],
    ['coupang', () => coupang],
  ] as const) {
    it(`${name}: off, nothing is sent; on, the push starts a send job and the number reaches the mall`, async () => {
      const { accountId, admin } = mall();
      await settings(accountId, { ...ALL_OFF, auto_confirm: true, auto_release: true, default_courier: 'CJ', auto_ship: true });
      await admin.createOrders({ count: 2, status: 'paid' });
      await runJob(s, 'collect', accountId);
      await s.deps.runner.idle();
      const ready = (await linesOf(accountId)).filter((l) => l.status === 'READY').slice(0, 2);
      assert.equal(ready.length, 2);
      const first = await push([{ line_id: ready[0]!.line_id, line_version: ready[0]!.line_version, tracking_number: cj() }]);
      assert.equal(first.body.auto_jobs, undefined);
      await s.deps.runner.idle();
      assert.equal((await view([ready[0]!.line_id]))[0]!.send_status, 'not_sent');

      await settings(accountId, { auto_send: true });
      const number = cj();
      const res = await push([{ line_id: ready[1]!.line_id, line_version: ready[1]!.line_version, tracking_number: number }]);
      assert.equal(res.body.auto_jobs.length, 1, JSON.stringify(res.body));
      assert.equal(res.body.auto_jobs[0].started, true);
      assert.equal(res.body.auto_jobs[0].job.trigger, 'auto');
      await s.deps.runner.idle();
      const sent = (await view([ready[1]!.line_id]))[0]!;
      assert.equal(sent.send_status, 'sent');
      const atMall = JSON.stringify(await admin.listOrders());
      assert.ok(atMall.includes(number), 'the number is at the mall');
      await settings(accountId, ALL_OFF);
    });
  }

  it('an invoice import that ships boxes starts the send job too', async () => {
    const { accountId, admin } = naver;
    await settings(accountId, { ...ALL_OFF, auto_confirm: true, auto_release: true, auto_ship: true, auto_send: true });
    await admin.createOrders({ count: 1, status: 'paid' });
    await runJob(s, 'collect', accountId);
    await s.deps.runner.idle();
    const ready = (await linesOf(accountId)).filter((l) => l.status === 'READY');
    const order = ready[0]!.mall_order_id as string;
    const number = cj();
    const template = await saveOrderNumberTemplate(s, '주문번호로 등록 (자동)');
    const source = {
      kind: 'sheet',
      name: '운송장',
      rows: [
        ['주문번호', '송장번호'],
        [order, number],
      ],
    };
    const res = await s.call('POST', '/api/invoice-imports', { source, template_id: template.id, courier: 'CJ' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.auto_jobs?.[0]?.started, true, JSON.stringify(res.body));
    await s.deps.runner.idle();
    assert.ok(JSON.stringify(await admin.listOrders()).includes(number), 'the number is at the mall');
    await settings(accountId, ALL_OFF);
  });

  it('a ship of one line (POST /api/orders/:id/transitions) starts the send job too', async () => {
    const { accountId } = naver;
    await settings(accountId, { ...ALL_OFF, auto_send: true });
    const a = await makeOrder(s.deps.db, { status: 'READY', mallAccountId: accountId });
    const numbered = await push([{ line_id: a.lineIds[0], line_version: 1, courier: 'CJ', tracking_number: cj() }]);
    assert.equal(numbered.body.auto_jobs, undefined, 'numbered, not shipped: nothing to send');
    const res = await s.call('POST', `/api/orders/${a.lineIds[0]}/transitions`, { action: 'ship', version: 2 });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.auto_jobs?.map((j: { mall_account_id: string; started: boolean }) => [j.mall_account_id, j.started]),
      [[accountId, true]],
      JSON.stringify(res.body),
    );
    await s.deps.runner.idle();
    await settings(accountId, ALL_OFF);
  });

  it('a box shipped by scanning (one box, or a sheet of scans) starts the send job too', async () => {
    const { accountId } = naver;
    await settings(accountId, { ...ALL_OFF, auto_send: true });
    const scanned = async () => {
      const tag = `${Date.now().toString(36)}${++serial}`;
      const sku = await makeSku(s.deps.db, { code: `AS${tag}`, barcodes: [`880S${tag}`] });
      const o = await makeOrder(s.deps.db, { status: 'READY', mallAccountId: accountId });
      await setLineSkus(s.deps.db, o.lineIds[0]!, [sku]);
      const number = cj();
      const numbered = await push([{ line_id: o.lineIds[0], line_version: 1, courier: 'CJ', tracking_number: number }]);
      assert.equal(numbered.body.auto_jobs, undefined, 'numbered, not shipped: nothing to send');
      return { number, barcode: `880S${tag}`, lineId: o.lineIds[0]! };
    };
    const started = (body: { auto_jobs?: { mall_account_id: string; started: boolean }[] }) =>
      body.auto_jobs?.map((j) => [j.mall_account_id, j.started]);

    const one = await scanned();
    const opened = (await s.call('POST', '/api/scan/box', { tracking_number: one.number })).body;
    const verified = await s.call('POST', '/api/scan/verify', {
      box_id: opened.box_id,
      versions: opened.versions,
      scans: [{ barcode: one.barcode }],
    });
    assert.equal(verified.body.result, 'shipped', JSON.stringify(verified.body));
    assert.deepEqual(started(verified.body), [[accountId, true]], JSON.stringify(verified.body));
    await s.deps.runner.idle();

    const two = await scanned();
    const sheet = await s.call('POST', '/api/scan/sheet', { rows: [{ tracking_number: two.number, barcode: two.barcode }] });
    assert.equal(sheet.body.shipped, 1, JSON.stringify(sheet.body));
    assert.deepEqual(started(sheet.body), [[accountId, true]], JSON.stringify(sheet.body));
    await s.deps.runner.idle();
    assert.deepEqual(
      (await view([one.lineId, two.lineId])).map((l) => l.status),
      ['SHIPPED', 'SHIPPED'],
    );
    await settings(accountId, ALL_OFF);
  });

  it('the account send service off: no job, the ship still applies', async () => {
    const accountId = coupang.accountId;
    await settings(accountId, { ...ALL_OFF, auto_ship: true, auto_send: true, send_invoice_enabled: false });
    const a = await makeOrder(s.deps.db, { status: 'READY', mallAccountId: accountId });
    const res = await push([{ line_id: a.lineIds[0], line_version: 1, courier: 'CJ', tracking_number: cj() }]);
    assert.equal(res.body.auto_jobs, undefined);
    assert.equal((await view(a.lineIds))[0]!.status, 'SHIPPED');
    await settings(accountId, { ...ALL_OFF, send_invoice_enabled: true });
  });
});
