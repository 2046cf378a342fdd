// A box's 전송오류 (send error) is kept as what happened, not as Korean words: every reader sees it in their own
// language — the lines view, the sheet's pull and refresh, the order detail and the order-list export — as the jobs
// tab shows the same failure. A mall's own words stay inside it as the mall sent them; rows written before hold
// Korean text and read as it is.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { coupangMall, naverMall, runJob, type MallFixture, shipOrders } from '../helpers/malls.ts';
import { cjNumbers } from '../helpers/sheet-lines.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.close();
});

type Row = { line_id: string; order_id: string; box_id: string | null; send_status: string | null; send_error: string | null };
type Lang = 'ko' | 'en';

const linesOf = async (accountId: string, lang: Lang = 'ko'): Promise<Row[]> =>
  (await s.call('GET', `/api/order-lines?reason=shipping&mall_account_id=${accountId}&limit=1000`, undefined, { lang })).body.items;
const orderOf = async (id: string, lang: Lang = 'ko') => (await s.call('GET', `/api/orders/${id}`, undefined, { lang })).body;

const cj = cjNumbers(60123456700);

const shipAll = (orders: string[]) => shipOrders(s, orders, cj);

/** The send error of a line's box everywhere it is answered, in one language. */
async function sendErrorsOf(line: Row, lang: Lang) {
  const view = (await linesOf(await accountOf(line), lang)).find((r) => r.line_id === line.line_id)!;
  const columnsPath = `/api/order-lines/columns?reason=shipping&mall_account_id=${await accountOf(line)}&fields=line_id,send_error`;
  const columns = (await s.call('GET', columnsPath, undefined, { lang })).body;
  const pulled = new Map<string, unknown>(columns.rows.map((r: unknown[]) => [r[0], r[1]]));
  const refreshed = (await s.call('POST', '/api/sheet/lines', { line_ids: [line.line_id] }, { lang })).body.items[0];
  const detail = (await orderOf(line.order_id, lang)).boxes.find((b: { id: string }) => b.id === line.box_id);
  return { view: view.send_error, pulled: pulled.get(line.line_id), refreshed: refreshed.send_error, detail: detail.send_error };
}

const accounts = new Map<string, string>();
const accountOf = async (line: Row) => accounts.get(line.line_id)!;

/** Each of the four reads says `expected` (a pattern), and none of them anything else. */
async function assertEverywhere(line: Row, lang: Lang, expected: RegExp) {
  const seen = await sendErrorsOf(line, lang);
  for (const [where, text] of Object.entries(seen)) assert.match(String(text), expected, `${where} (${lang}): ${String(text)}`);
}

const MALLS = [
  ['naver', naverMall, '/product-orders/dispatch'],
  ['coupang', coupangMall, '/orders/invoices'],
] as const;

for (const [name, connect, sendPath] of MALLS) {
  describe(`${name}: a send the mall refused`, () => {
    let mall: MallFixture<{ close(): Promise<void> }>;
    let line: Row;
    /** What the jobs tab said of the failed send, by language. */
    const said = { en: '', ko: '' };
    beforeAll(async () => {
      mall = await connect(s, { initialOrders: 0 });
      await mall.admin.createOrders({ count: 1, status: 'confirmed' });
      assert.equal((await runJob(s, 'collect', mall.accountId)).job.state, 'succeeded');
      await shipAll([...new Set((await linesOf(mall.accountId)).map((l) => l.order_id))]);
      line = (await linesOf(mall.accountId))[0]!;
      accounts.set(line.line_id, mall.accountId);
    });
    afterAll(() => mall.sandbox.close());

    it('shows the failure in the reader’s language in the lines view, the sheet pull and refresh and the order detail', async () => {
      await mall.admin.addFaults([{ kind: 'status', status: 400, path: sendPath, count: 1 }]);
      const { job, results } = await runJob(s, 'send_invoices', mall.accountId);
      assert.equal(results.length, 1, JSON.stringify(job));
      assert.equal(results[0].result, 'failed');
      const [en, ko] = await Promise.all(
        (['en', 'ko'] as const).map(async (lang) => (await s.call('GET', `/api/jobs/${job.id}/results`, undefined, { lang })).body.items[0].message),
      );
      assert.notEqual(en, ko);
      assert.match(en, /sandbox fault/, 'the mall’s own words stay');
      assert.doesNotMatch(en, /[가-힣]/, en);
      assert.match(ko, /[가-힣]/, ko);
      Object.assign(said, { en, ko });
      // The box says what the jobs tab says, in each reader's language.
      await assertEverywhere(line, 'en', new RegExp(`^${escape(en)}$`));
      await assertEverywhere(line, 'ko', new RegExp(`^${escape(ko)}$`));
      const stored = await s.deps.db('boxes').where({ id: line.box_id }).first();
      assert.equal(stored.send_status, 'failed');
      assert.doesNotMatch(stored.send_error, /[가-힣]/, 'kept as a Message, not Korean words');

      // A viewer reads it too, masked like any free text, in their language.
      const viewer = await s.tokenFor('viewer');
      const asViewer = (await s.call('GET', `/api/orders/${line.order_id}`, undefined, { lang: 'en', token: viewer })).body;
      assert.equal(asViewer.boxes.find((b: { id: string }) => b.id === line.box_id).send_error, en);
    });

    it('the order-list export writes the error in the file’s language', async () => {
      for (const lang of ['en', 'ko'] as const) {
        const expected = said[lang];
        const file = await s.download(
          'POST',
          '/api/exports/order-lines',
          { mall_account_id: mall.accountId, format: 'csv', reason: 'shipping' },
          { lang },
        );
        assert.equal(file.status, 200, JSON.stringify(file.json));
        assert.ok(file.bytes.toString('utf8').includes(String(expected)), `${lang}: ${expected}`);
      }
    });

    it('a send error written before (Korean text) reads as it is in every language', async () => {
      await s.deps.db('boxes').where({ id: line.box_id }).update({ send_status: 'failed', send_error: '송장번호 형식 오류' });
      await assertEverywhere(line, 'en', /^송장번호 형식 오류$/);
      await assertEverywhere(line, 'ko', /^송장번호 형식 오류$/);
    });
  });
}

describe('coupang: a box the mall refuses by its own code', () => {
  it('is answered in English for English readers and in Korean for Korean ones', async () => {
    const mall = await coupangMall(s, { initialOrders: 0 });
    try {
      await mall.admin.createOrders({ count: 1, status: 'confirmed' });
      assert.equal((await runJob(s, 'collect', mall.accountId)).job.state, 'succeeded');
      await shipAll([...new Set((await linesOf(mall.accountId)).map((l) => l.order_id))]);
      const line = (await linesOf(mall.accountId))[0]!;
      accounts.set(line.line_id, mall.accountId);
      // The buyer asks the mall to stop the shipment; we have not synced yet, so the send goes and is refused.
      const mallOrderId = (await mall.admin.listOrders())[0].orderId;
      await mall.admin.event(String(mallOrderId), 'buyer_cancel');
      const { results } = await runJob(s, 'send_invoices', mall.accountId);
      assert.equal(results[0].code, 'ORDER_DELIVERY_CANCELED_HOLDING_FOR_CANCEL', JSON.stringify(results));
      await assertEverywhere(line, 'en', /^A cancel \(stop shipment\) request is pending; handle it first\.$/);
      await assertEverywhere(line, 'ko', /^고객의 취소\(출고중지\) 요청이 접수되어 있어 처리할 수 없습니다/);
    } finally {
      await mall.sandbox.close();
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
