// The notice of new claims (issue 13 §7) on a 50,000-line 주문 sheet: after a sync, only the lines that sync moved are
// looked at — a sync that moved nothing costs no request and no Excel read, and the lines read again from the
// server are the moved ones on the sheet, not the sheet's 50,000.
import assert from 'node:assert/strict';
import { beforeAll, describe, it } from 'vitest';
import { jobResultsPage, jobResultsQuery } from '../../../shared/api/jobs.schema.ts';
import { sheetLinesBody } from '../../../shared/api/sheet.schema.ts';
import { ORDER_COLUMNS } from '../../../shared/sheet/order-columns.ts';
import type { Api } from '../../../addin/src/api/client.ts';
import { writeTable } from '../../../addin/src/excel/sheets.ts';
import { claimNews } from '../../../addin/src/features/board/claim-notices.ts';
import { ORDER_SHEET } from '../../../addin/src/features/orders/order-sheet.ts';
import { rowCells } from '../../../addin/src/sheet/cells.ts';
import { installFakeExcel } from '../../helpers/fake-excel.ts';
import { lineRow } from '../../helpers/sheet-lines.ts';

const LINES = 50_000;
const id = (i: number) => lineRow(i).line_id;

/** The server as these two routes answer, in memory: a sync's results, and lines-view rows by id with their statuses now. */
function server(moved: { line: string; status: string }[]) {
  const asked: string[] = [];
  const linesAsked: string[][] = [];
  const statusNow = new Map(moved.map((m) => [m.line, m.status]));
  const api: Api = {
    token: 't',
    async call(method, url, body) {
      asked.push(`${method} ${url.split('?')[0]}`);
      if (method === 'GET') {
        const query = jobResultsQuery.parse(Object.fromEntries(new URLSearchParams(url.split('?')[1])));
        assert.equal(query.result, 'ok', 'only what the sync applied moved a line');
        const items = moved.map((m, i) => ({
          id: i + 1,
          job_id: 'job_1',
          ref_type: 'line',
          ref_id: m.line,
          mall_ref: `M${i}`,
          result: 'ok',
          code: 'claim',
          message: null,
          mall_order_id: null,
          item_name: null,
          at: '2026-11-25T01:00:00.000Z',
        }));
        return jobResultsPage.parse({ items, next_cursor: null });
      }
      assert.equal(url, '/api/sheet/lines');
      const { line_ids } = sheetLinesBody.parse(body);
      linesAsked.push(line_ids);
      const items = line_ids.map((l) => lineRow(Number(l.slice(4)), { status: statusNow.get(l) ?? 'READY' }));
      // The sheet's fields of each line (test/helpers/sheet-lines.ts), which is what the notice reads.
      return { items, next_cursor: null };
    },
  };
  return { api, asked, linesAsked };
}

describe('new claims after a sync, on a 50,000-line order sheet', () => {
  let excel: ReturnType<typeof installFakeExcel>;
  beforeAll(async () => {
    excel = installFakeExcel();
    const rows = Array.from({ length: LINES }, (_, i) => rowCells(lineRow(i, i === 9 ? { status: 'CANCEL_REQUESTED' } : {}), 'ko'));
    await writeTable({ name: ORDER_SHEET, header: ORDER_COLUMNS.map((c) => c.header.ko), rows });
  }, 60_000);

  it('a sync that moved nothing, or a collect, reads neither the server nor the sheet', async () => {
    const { api, asked } = server([]);
    const syncs = excel.stats.syncs;
    const listed = [{ line_id: id(7), mall_order_id: 'A', status: 'CANCEL_REQUESTED' as const }];
    for (const job of [
      { id: 'job_1', type: 'sync' as const, ok: 0 },
      { id: 'job_1', type: 'collect' as const, ok: 40 },
    ]) {
      const news = await claimNews(api, job, listed, new Set());
      assert.deepEqual(news.found, []);
      assert.equal(news.closed.size, 0);
    }
    assert.deepEqual(asked, []);
    assert.equal(excel.stats.syncs, syncs);
  });

  it('names the moved lines on the sheet whose cell does not read their claim yet, once, asking only for those', async () => {
    const { api, asked, linesAsked } = server([
      { line: id(7), status: 'CANCEL_REQUESTED' }, // on the sheet as 출고대기: new
      { line: id(9), status: 'CANCEL_REQUESTED' }, // the sheet already shows 취소요청
      { line: id(11), status: 'DELIVERED' }, // moved, but not a claim
      { line: 'lin_999999', status: 'RETURN_REQUESTED' }, // not on this sheet
    ]);
    const seen = new Set<string>();
    excel.stats = { syncs: 0, largestRequestBytes: 0, requests: [] };
    const { found } = await claimNews(api, { id: 'job_1', type: 'sync', ok: 4 }, [], seen);
    assert.deepEqual(found, [{ line_id: id(7), mall_order_id: lineRow(7).mall_order_id, status: 'CANCEL_REQUESTED' }]);
    assert.deepEqual(asked, ['GET /api/jobs/job_1/results', 'POST /api/sheet/lines']);
    assert.deepEqual(linesAsked, [[id(7), id(9), id(11)]], 'only moved lines that are on the sheet');
    // Two columns of the sheet are read, not all of them: each answer stays far under Excel's 5 MB.
    assert.ok((excel.stats.largestResponseBytes ?? 0) < 2_000_000, `${excel.stats.largestResponseBytes} bytes`);
    assert.ok(excel.stats.syncs <= 4, `${excel.stats.syncs} syncs`);
    // Announced once in a session.
    assert.deepEqual((await claimNews(api, { id: 'job_1', type: 'sync', ok: 4 }, [], seen)).found, []);
  });

  it('a listed claim a later sync withdrew is closed (and news again if made again); one still open stays — in the same request as the new ones', async () => {
    const { api, asked, linesAsked } = server([
      { line: id(7), status: 'READY' }, // the cancel was withdrawn: back to 출고대기
      { line: id(8), status: 'RETURN_REQUESTED' }, // still as announced
      { line: id(12), status: 'EXCHANGE_REQUESTED' }, // new
    ]);
    const listed = [
      { line_id: id(7), mall_order_id: 'A', status: 'CANCEL_REQUESTED' as const },
      { line_id: id(8), mall_order_id: 'B', status: 'RETURN_REQUESTED' as const },
    ];
    const seen = new Set([`${id(7)}:CANCEL_REQUESTED`, `${id(8)}:RETURN_REQUESTED`]);
    const news = await claimNews(api, { id: 'job_1', type: 'sync', ok: 3 }, listed, seen);
    assert.deepEqual([...news.closed], [`${id(7)}:CANCEL_REQUESTED`]);
    assert.deepEqual(news.found, [{ line_id: id(12), mall_order_id: lineRow(12).mall_order_id, status: 'EXCHANGE_REQUESTED' }]);
    assert.deepEqual([...seen], [`${id(8)}:RETURN_REQUESTED`, `${id(12)}:EXCHANGE_REQUESTED`]);
    assert.deepEqual(linesAsked, [[id(7), id(8), id(12)]], 'the moved lines on the sheet and the listed ones, read again once');
    assert.deepEqual(asked, ['GET /api/jobs/job_1/results', 'POST /api/sheet/lines']);
  });

  it('a sync that moved no line on the sheet and nothing listed asks for no lines', async () => {
    const { api, asked } = server([{ line: 'lin_999999', status: 'RETURN_REQUESTED' }]);
    const news = await claimNews(api, { id: 'job_1', type: 'sync', ok: 1 }, [], new Set());
    assert.deepEqual(news.found, []);
    assert.deepEqual(asked, ['GET /api/jobs/job_1/results']);
  });
});
