// The pane's typed API client (addin/src/api/<area>.ts) against the server's route declarations: every route the
// pane calls is declared by the server with the same method and path, and with the very schemas the client's types
// come from (answer, body, query), so a route that moves or changes its answer fails here instead of in the pane.
// Each client function is also called against a recording transport: the request it sends is the route it declares.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import type { z } from 'zod';
import * as allocation from '../../../addin/src/api/allocation.ts';
import * as auth from '../../../addin/src/api/auth.ts';
import * as board from '../../../addin/src/api/board.ts';
import * as catalogue from '../../../addin/src/api/catalogue.ts';
import * as exportsApi from '../../../addin/src/api/exports.ts';
import type { Api } from '../../../addin/src/api/client.ts';
import { urlOf, type Endpoint } from '../../../addin/src/api/endpoint.ts';
import * as files from '../../../addin/src/api/files.ts';
import * as gifts from '../../../addin/src/api/gifts.ts';
import * as jobs from '../../../addin/src/api/jobs.ts';
import * as mallAccounts from '../../../addin/src/api/mall-accounts.ts';
import * as matching from '../../../addin/src/api/matching.ts';
import * as orders from '../../../addin/src/api/orders.ts';
import * as settings from '../../../addin/src/api/settings.ts';
import * as preferences from '../../../addin/src/api/preferences.ts';
import * as sheet from '../../../addin/src/api/sheet.ts';
import * as stock from '../../../addin/src/api/stock.ts';
import * as soldOut from '../../../addin/src/api/sold-out.ts';
import * as scan from '../../../addin/src/api/scan.ts';
import * as cs from '../../../addin/src/api/cs.ts';
import * as reports from '../../../addin/src/api/reports.ts';
import * as users from '../../../addin/src/api/users.ts';
import * as trackingBands from '../../../addin/src/api/tracking-bands.ts';
import { apiRoutes } from '../../../server/app.ts';
import type { AppDeps } from '../../../server/deps.ts';

const tables: Record<string, Record<string, Endpoint>> = {
  auth: auth.authEndpoints,
  'mall-accounts': mallAccounts.mallAccountEndpoints,
  orders: orders.orderEndpoints,
  sheet: sheet.sheetEndpoints,
  jobs: jobs.jobEndpoints,
  exports: exportsApi.exportEndpoints,
  files: files.fileEndpoints,
  settings: settings.settingsEndpoints,
  matching: matching.matchingEndpoints,
  stock: stock.stockEndpoints,
  catalogue: catalogue.catalogueEndpoints,
  'sold-out': soldOut.soldOutEndpoints,
  gifts: gifts.giftEndpoints,
  allocation: allocation.allocationEndpoints,
  scan: scan.scanEndpoints,
  cs: cs.csEndpoints,
  reports: reports.reportEndpoints,
  users: users.userEndpoints,
  preferences: preferences.preferenceEndpoints,
  board: board.boardEndpoints,
  'tracking-bands': trackingBands.trackingBandEndpoints,
};
const clientEndpoints = Object.entries(tables).flatMap(([area, table]) => Object.entries(table).map(([name, e]) => ({ name: `${area}.${name}`, e })));

// Route declarations use their dependencies only inside handlers, which never run here.
const serverRoutes = apiRoutes({} as AppDeps);
const serverRoute = (e: Pick<Endpoint, 'method' | 'path'>) =>
  serverRoutes.find((r) => r.method.toUpperCase() === e.method && `/api${r.path}` === e.path);

/** A transport that answers nothing and records what was asked. */
function recorder() {
  const calls: { method: string; url: string; body: unknown; as: string | undefined }[] = [];
  const api: Api = {
    token: 't',
    async call(method, url, body, as) {
      calls.push({ method, url, body, as });
      return url.includes('/results') ? { items: [], next_cursor: null } : {};
    },
  };
  return { api, calls };
}

/** The declared route a request reached: a literal path before one with `:name` segments (/jobs/events, /jobs/:id). */
function routeOf(method: string, url: string) {
  const path = url.split('?')[0]!;
  const matches = serverRoutes.filter((r) => r.method.toUpperCase() === method && new RegExp(`^/api${r.path.replace(/:\w+/g, '[^/]+')}$`).test(path));
  return matches.find((r) => !r.path.includes(':')) ?? matches[0];
}

describe('pane API client against the server routes', () => {
  it('every client endpoint is a declared route with the same answer, body and query schemas', () => {
    assert.ok(clientEndpoints.length >= 15);
    for (const { name, e } of clientEndpoints) {
      const route = serverRoute(e);
      assert.ok(route, `${name}: ${e.method} ${e.path} is not a server route`);
      assert.equal(route.response, e.response, `${name}: the answer's schema is the route's`);
      assert.equal(route.body, e.body, `${name}: the body's schema is the route's`);
      if (e.query) assert.equal(route.query, e.query, `${name}: the query's schema is the route's`);
    }
  });

  it('a client endpoint that drifts from its route is caught', () => {
    const moved = { ...jobs.jobEndpoints.get, path: '/api/job/:id' } as const;
    assert.equal(serverRoute(moved), undefined);
    // A copy of the answer's schema (a hand-kept twin) is not the route's own, so it would fail the check above.
    assert.notEqual(serverRoute(jobs.jobEndpoints.get)!.response, jobs.jobEndpoints.get.response.extend({}));
  });

  it('each client function sends the request of its declared route', async () => {
    const { api, calls } = recorder();
    const sheetSource = { kind: 'sheet' as const, name: 'Sheet1', rows: [['고객주문번호', '운송장번호']] };
    const tpl = { type: 'invoice_import' as const, reference: 'box_key' as const, columns: [{ field: 'box_key' as const, headers: ['박스키'] }] };
    const sent: [string, Promise<unknown>][] = [
      ['auth.login', auth.signIn(api, { username: 'u', password: 'p' })],
      ['auth.logout', auth.signOut(api)],
      ['auth.changePassword', auth.changePassword(api, { current_password: 'a', new_password: 'b'.repeat(10) })],
      ['auth.streamTicket', auth.streamTicket(api)],
      ['mall-accounts.list', mallAccounts.listMallAccounts(api)],
      [
        'mall-accounts.create',
        mallAccounts.createMallAccount(api, { mall_type: 'naver', display_name: 'n', credentials: { client_id: 'a', client_secret: 'b' } }),
      ],
      ['mall-accounts.update', mallAccounts.updateMallAccount(api, 'mac_1', { credentials: { client_id: 'a', client_secret: 'b' } })],
      ['mall-accounts.test', mallAccounts.testMallAccount(api, 'mac_1')],
      ['orders.lineColumns', orders.lineColumns(api, { status: 'READY', limit: 10 })],
      ['orders.transitions', orders.applyTransitions(api, { action: 'ship', items: [{ id: 'lin_1', version: 1 }] })],
      ['orders.undoTransitions', orders.undoTransitions(api, 'bat_1')],
      ['orders.createDirect', orders.createDirectOrder(api, { orderer_name: 'a', total_amount: 1 })],
      ['orders.detail', orders.getOrderDetail(api, 'ord_1')],
      ['orders.addNote', orders.addOrderNote(api, 'ord_1', { kind: 'memo', body: '메모' })],
      ['sheet.push', sheet.pushSheet(api, { rows: [{ line_id: 'lin_1', line_version: 1, memo: 'm' }] })],
      ['sheet.lines', sheet.sheetLines(api, { line_ids: ['lin_1'] })],
      ['sheet.boxes', sheet.sheetBoxes(api, { line_ids: ['lin_1'] })],
      ['jobs.start', jobs.startJobs(api, { type: 'collect', mall_account_ids: ['acc_1'] })],
      ['jobs.list', jobs.listJobs(api, { limit: 20 })],
      ['jobs.get', jobs.getJob(api, 'job_1')],
      ['jobs.cancel', jobs.cancelJob(api, 'job_1')],
      ['jobs.results', jobs.allJobResults(api, 'job_1', { result: 'failed' })],
      ['exports.orderLines', exportsApi.exportOrderLines(api, { format: 'xlsx', reason: 'shipping', status: ['READY'] })],
      [
        'exports.booking',
        exportsApi.exportBooking(api, { template: 'cj', format: 'csv', encoding: 'cp949', reason: 'other', reason_text: '택배 접수' }),
      ],
      ['exports.labels', exportsApi.exportLabels(api, { line_ids: ['lin_1'], reason: 'shipping' })],
      ['files.templates', files.listTemplates(api, { type: 'invoice_import' })],
      ['files.createTemplate', files.createTemplate(api, { name: 'n', definition: tpl })],
      ['files.updateTemplate', files.updateTemplate(api, 'tpl_1', { name: 'n', definition: tpl })],
      ['files.deleteTemplate', files.deleteTemplate(api, 'tpl_1')],
      ['files.templateSample', files.templateSample(api, 'invoice_cj')],
      ['files.guess', files.guessTemplate(api, { source: sheetSource, type: 'invoice_import' })],
      ['files.invoicePreview', files.previewInvoiceImport(api, { source: sheetSource, template_id: 'invoice_cj' })],
      ['files.invoiceApply', files.applyInvoiceImport(api, { source: sheetSource, template_id: 'invoice_cj', overwrite: true })],
      ['files.invoiceImports', files.listInvoiceImports(api)],
      ['files.undoImport', files.undoInvoiceImport(api, 'imp_1')],
      ['files.uploadPreview', files.previewOrderUpload(api, { source: sheetSource, template: { id: 'order_wholesale' } })],
      ['files.uploadRegister', files.registerOrderUpload(api, { source: sheetSource, template: { id: 'order_wholesale' } })],
      ['files.uploads', files.listOrderUploads(api, { limit: 20 })],
      ['files.deleteUpload', files.deleteOrderUpload(api, 'upl_1', '중복 등록')],
      ['settings.sender', settings.getSender(api)],
      ['settings.setSender', settings.setSender(api, { name: '상회', phone: '02-1234-5678', zip: '06236', address1: '서울 강남구' })],
      ['matching.unmatched', matching.listUnmatched(api, { limit: 100 })],
      ['matching.matches', matching.listMatches(api, { q: 'A100' })],
      [
        'matching.save',
        matching.saveMatches(api, {
          matches: [{ channel_key: 'acc_1', product_key: 'P1', option_key: '', items: [{ sku_code: 'A100', quantity: 2 }] }],
        }),
      ],
      ['matching.remove', matching.removeMatch(api, 'mat_1')],
      ['stock.list', stock.listStock(api, { warehouse: 'MAIN', nonzero: 'true', limit: 100 })],
      ['stock.history', stock.stockHistory(api, { sku: 'A100', cursor: 10 })],
      ['stock.counts', stock.pushCounts(api, { rows: [{ sku_code: 'A100', warehouse_code: 'MAIN', on_hand: 3, version: 1, reason: '실사' }] })],
      ['stock.countImport', stock.importCounts(api, { source: { kind: 'sheet', name: '실사', rows: [['상품코드', '수량']] }, reason: '실사' })],
      ['stock.adjust', stock.adjustStock(api, { sku_code: 'A100', delta: -1, reason: '파손' })],
      ['stock.transfer', stock.transferStock(api, { sku_code: 'A100', from_warehouse: 'MAIN', to_warehouse: 'STORE1', quantity: 2, reason: '매장' })],
      ['catalogue.skus', catalogue.listSkus(api, { q: 'A1', limit: 10 })],
      ['catalogue.sku', catalogue.getSku(api, 'sku_1')],
      ['catalogue.createSku', catalogue.createSku(api, { code: 'A1', name: '상품' })],
      ['catalogue.updateSku', catalogue.updateSku(api, 'sku_1', { version: 1, status: 'sold_out' })],
      ['catalogue.pushSheet', catalogue.pushSkuSheet(api, { rows: [{ code: 'A1', name: '상품' }] })],
      ['catalogue.importSkus', catalogue.importSkus(api, { source: sheetSource })],
      ['catalogue.warehouses', catalogue.listWarehouses(api)],
      ['catalogue.createWarehouse', catalogue.createWarehouse(api, { code: 'S1', name: '강남점', kind: 'store' })],
      ['catalogue.updateWarehouse', catalogue.updateWarehouse(api, 'wh_1', { version: 1, is_default: true })],
      ['catalogue.storefrontChanges', catalogue.listStorefrontChanges(api, { state: 'no_connector' })],
      ['sold-out.list', soldOut.listSoldOut(api, { limit: 50 })],
      ['sold-out.release', soldOut.releaseSoldOut(api, { line_ids: ['lin_1'], reason: '재고 입고' })],
      ['gifts.rules', gifts.listGiftRules(api)],
      ['gifts.createRule', gifts.createGiftRule(api, { name: '사은품', gift_sku_code: 'G1' })],
      ['gifts.updateRule', gifts.updateGiftRule(api, 'gft_1', { version: 1, active: false })],
      ['gifts.deleteRule', gifts.deleteGiftRule(api, 'gft_1', 1)],
      ['gifts.preview', gifts.previewGifts(api, {})],
      ['gifts.apply', gifts.applyGifts(api, { items: [{ order_id: 'ord_1', version: 1, rule_ids: ['gft_1'] }] })],
      ['gifts.batches', gifts.listGiftBatches(api, { limit: 5 })],
      ['gifts.undo', gifts.undoGiftBatch(api, 'bat_1')],
      ['allocation.preview', allocation.previewAllocation(api, { policy: 'available', order_rule: 'amount' })],
      ['allocation.apply', allocation.applyAllocation(api, 'bat_1')],
      ['allocation.batches', allocation.listAllocationBatches(api)],
      ['allocation.undo', allocation.undoAllocation(api, 'bat_1')],
      ['allocation.settings', allocation.allocationSettingsOf(api)],
      ['allocation.saveSettings', allocation.saveAllocationSettings(api, { allocate_held: true, channel_priority: ['쿠팡 본점'] })],
      ['scan.box', scan.openScanBox(api, { tracking_number: '123456789012' })],
      ['scan.verify', scan.verifyScanBox(api, { box_id: 'box_1', versions: { box: 1, lines: [], orders: [] }, scans: [{ barcode: '880' }] })],
      ['scan.setAside', scan.setAsideScanBox(api, { box_id: 'box_1', versions: { box: 1, lines: [], orders: [] }, reason: '부족' })],
      ['scan.sheet', scan.verifyScanSheet(api, { rows: [{ tracking_number: '123456789012', barcode: '880' }] })],
      ['cs.delayedReturns', cs.listDelayedReturns(api, { limit: 100 })],
      ['cs.claims', cs.listWaitingClaims(api, { type: 'return' })],
      ['cs.withdrawnCancels', cs.listWithdrawnCancels(api, { days: 30 })],
      ['cs.acknowledge', cs.acknowledgeWithdrawn(api, { claim_ids: ['clm_1'] })],
      ['cs.returns', cs.listReturnsToReceive(api, { limit: 10 })],
      ['cs.receive', cs.receiveReturns(api, { condition: 'sellable', warehouse: 'MAIN', line_ids: ['lin_1'] })],
      ['users.list', users.listUsers(api)],
      ['users.create', users.createUser(api, { username: 'kim', password: 'x'.repeat(12), role: 'operator', must_change_password: true })],
      ['users.update', users.updateUser(api, 'usr_1', { active: false })],
      ['reports.sales', reports.salesReport(api, { from: '2026-11-01', to: '2026-11-25' })],
      ['preferences.sheetLayout', preferences.getSheetLayout(api, 'orders')],
      ['preferences.keepSheetLayout', preferences.keepSheetLayout(api, 'orders', { columns: [{ id: 'memo' }] })],
      ['preferences.resetSheetLayout', preferences.resetSheetLayout(api, 'orders')],
      ['board.board', board.getBoard(api)],
      ['board.mismatches', board.mallMismatches(api, 'acc_1')],
      ['tracking-bands.list', trackingBands.listBands(api)],
      ['tracking-bands.create', trackingBands.createBand(api, { courier: 'CJ', first_number: '612345678906', last_number: '612345678932' })],
      ['tracking-bands.patch', trackingBands.setBandActive(api, 'bnd_1', { active: false })],
      ['tracking-bands.issue', trackingBands.issueNumbers(api, { courier: 'CJ', items: [{ id: 'lin_1', version: 1 }] })],
    ];
    await Promise.all(sent.map(([, p]) => p));
    assert.equal(calls.length, sent.length);
    sent.forEach(([name], i) => {
      const [area, key] = name.split('.') as [string, string];
      const declared = tables[area]![key]!;
      const call = calls[i]!;
      assert.equal(call.method, declared.method, name);
      const route = routeOf(call.method, call.url);
      assert.ok(route, `${name}: ${call.method} ${call.url} reaches no server route`);
      assert.equal(`/api${route.path}`, declared.path, `${name}: reaches the route it declares`);
      assert.equal(call.body !== undefined, declared.body !== undefined, `${name}: a body only where the route takes one`);
      // A download is asked for as a file (bytes and a name), every other answer as JSON.
      assert.equal(call.as, declared.response === 'file' ? 'file' : 'json', `${name}: answer read as ${call.as}`);
      if (declared.body) assert.ok((declared.body as z.ZodType).safeParse(call.body).success, `${name}: the body the route takes`);
    });
    // Every endpoint the pane declares is called by one of its functions (the event stream is opened by events.ts).
    const called = new Set(sent.map(([name]) => name));
    assert.deepEqual(
      clientEndpoints.map((c) => c.name).filter((n) => !called.has(n)),
      ['jobs.events'],
    );
  });

  it('path parameters are encoded and queries written as the routes read them', () => {
    assert.equal(urlOf(jobs.jobEndpoints.get, { id: 'a/b?c' }), '/api/jobs/a%2Fb%3Fc');
    assert.throws(() => urlOf(jobs.jobEndpoints.get), /no value for :id/);
    const url = urlOf(orders.orderEndpoints.lineColumns, {}, { status: ['NEW', 'READY'], fields: ['line_id'], q: undefined, limit: 5 });
    assert.equal(url, '/api/order-lines/columns?status=NEW%2CREADY&fields=line_id&limit=5');
    // The server's own schema reads that query back as sent.
    const query = Object.fromEntries(new URLSearchParams(url.split('?')[1]));
    const parsed = orders.orderEndpoints.lineColumns.query.parse(query);
    assert.deepEqual(parsed.status, ['NEW', 'READY']);
    assert.deepEqual(parsed.fields, ['line_id']);
    assert.equal(parsed.limit, 5);
  });
});
