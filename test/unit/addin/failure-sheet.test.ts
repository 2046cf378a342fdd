// The 작업실패 sheet names what an operator recognises (mall order number, product, mall line or waybill), not our ids.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { jobResultsPage, jobResultsQuery, jobResultView } from '../../../shared/api/jobs.schema.ts';
import type { z } from 'zod';
import type { Api } from '../../../addin/src/api/client.ts';
import {
  FAILURE_SHEET_LAYOUT,
  FAILURES_SHEET,
  failureLine,
  failureTable,
  readFailures,
  writeFailureSheet,
} from '../../../addin/src/features/jobs/failure-sheet.ts';
import { fakeExcel } from '../../../addin/src/workbench/fake-excel.ts';

const boxFailure = {
  ref_type: 'box',
  ref_id: 'box_0mww9m30h00003cdb10',
  mall_ref: '801234567151',
  mall_order_id: '1174454581851897',
  item_name: '기모 후드 집업 외 1건',
  result: 'failed',
  code: 'INVALID_STATUS',
  message: '상품준비중 상태가 아닙니다.',
};

describe('job failures sheet', () => {
  it('rows carry the mall order number, the product and the waybill, never our internal ids', () => {
    const { header, rows } = failureTable('송장 전송', '쿠팡', [boxFailure], 'ko');
    assert.deepEqual(header, ['작업', '계정', '주문번호', '상품', '상품주문번호/운송장', '코드', '사유']);
    assert.deepEqual(rows[0], [
      '송장 전송',
      '쿠팡',
      '1174454581851897',
      '기모 후드 집업 외 1건',
      '801234567151',
      'INVALID_STATUS',
      '상품준비중 상태가 아닙니다.',
    ]);
    assert.ok(!rows.flat().some((c) => /^(box|lin|ord)_/.test(c)), 'no internal id on the sheet');
    // Long digit columns stay text (an order number of 16 digits would lose digits as a number).
    assert.ok(FAILURE_SHEET_LAYOUT.textColumns.includes(header.indexOf('주문번호')));
    assert.ok(FAILURE_SHEET_LAYOUT.textColumns.includes(header.indexOf('상품주문번호/운송장')));
  });

  it('the pane lists a failure by order and product', () => {
    assert.equal(failureLine(boxFailure), '1174454581851897 · 기모 후드 집업 외 1건: 상품준비중 상태가 아닙니다.');
    assert.equal(failureLine({ ...boxFailure, mall_order_id: null, item_name: null }), '801234567151: 상품준비중 상태가 아닙니다.');
  });
});

/**
 * GET /api/jobs/:id/results over a job's results in memory, paged as the route pages (id order, `cursor` = last id
 * seen, `limit`), its query read with the route's schema and every page held to the route's answer schema.
 */
function resultsServer(results: z.infer<typeof jobResultView>[]) {
  const asked: string[] = [];
  const api: Api = {
    token: 't',
    async call(method, url) {
      asked.push(`${method} ${url}`);
      const [path, search] = url.split('?') as [string, string];
      assert.equal(path, '/api/jobs/job_1/results');
      const query = jobResultsQuery.parse(Object.fromEntries(new URLSearchParams(search)));
      const matching = results.filter((r) => (!query.result || r.result === query.result) && r.id > (query.cursor ?? 0));
      const items = matching.slice(0, query.limit);
      return jobResultsPage.parse({ items, next_cursor: matching.length > query.limit ? items.at(-1)!.id : null });
    },
  };
  return { api, asked };
}

describe('job failures read for the sheet', () => {
  it('every failure reaches the 작업실패 sheet, over as many pages as they take', async () => {
    const results = Array.from({ length: 12 }, (_, i) => ({
      ...boxFailure,
      id: i + 1,
      job_id: 'job_1',
      ref_type: 'box' as const,
      result: i % 4 === 3 ? ('ok' as const) : ('failed' as const),
      mall_ref: `80123456${String(i).padStart(4, '0')}`,
      at: '2026-11-25T01:00:00.000Z',
    }));
    const { api, asked } = resultsServer(results);
    // Pages of 4 failures: 9 failures take 3 pages (the route's pages are at most 5,000 results).
    const failures = await readFailures(api, 'job_1', 4);
    assert.equal(failures.length, 9);
    assert.equal(asked.length, 3);
    assert.ok(asked.every((a) => a.includes('result=failed')));
    const excel = fakeExcel();
    Object.assign(globalThis, { Excel: excel });
    assert.equal(await writeFailureSheet('송장 전송', '쿠팡', failures, 'ko'), 9);
    const sheet = excel.state.find(FAILURES_SHEET)!;
    const waybills = Array.from({ length: 9 }, (_, i) => sheet.get(i + 1, 4)?.value);
    assert.deepEqual(
      waybills,
      results.filter((r) => r.result === 'failed').map((r) => r.mall_ref),
    );
    assert.equal(sheet.get(10, 4)?.value ?? '', '', 'nothing past the last failure');
  });

  it('a job with no failures reads one empty page', async () => {
    const { api, asked } = resultsServer([]);
    assert.deepEqual(await readFailures(api, 'job_1'), []);
    assert.deepEqual(asked, ['GET /api/jobs/job_1/results?result=failed&limit=5000']);
  });
});
