// Invoice imports (송장 일괄등록) and spreadsheet templates: preview and apply per sheet row, overwrite by box status,
// duplicates, all-or-nothing, undo, files in CP949 CSV and XLSX and the active sheet, and the template store.
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { readStoredText, render } from '../../shared/i18n.ts';
import { makeOrder, putInBox } from '../helpers/builders.ts';
import { orderHistoryIn } from '../helpers/history.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { trackingNumber } from '../helpers/sheet-lines.ts';
import { sheetRows } from '../helpers/xlsx.ts';
import { saveOrderNumberTemplate } from '../helpers/invoice-templates.ts';
import { unpackText } from '../../server/db/packed-text.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

let serial = 70_000;
const cj = () => trackingNumber(++serial);

type Cell = string | number | null;
const sheet = (rows: Cell[][], name = '운송장') => ({ kind: 'sheet', name, rows });
/** A CJ result file as the active sheet: header 고객주문번호 / 운송장번호. */
const cjSheet = (pairs: [string, string][]) => sheet([['고객주문번호', '운송장번호'], ...pairs]);
const body = (source: unknown, extra: Record<string, unknown> = {}) => ({ source, template_id: 'invoice_cj', ...extra });
const preview = (b: unknown, token?: string) => s.call('POST', '/api/invoice-imports/preview', b, token ? { token } : {});
const apply = (b: unknown) => s.call('POST', '/api/invoice-imports', b);
const outcomes = (res: { body: { results: { outcome: string; code?: string }[] } }) =>
  res.body.results.map((r) => `${r.outcome}${r.code ? ':' + r.code : ''}`);
const box = async (id: string) => s.deps.db('boxes').where({ id }).first();
const lineStatus = async (id: string) => (await s.deps.db('order_lines').where({ id }).first()).status as string;

/** A READY order whose line sits in a box without a number (as a booking export leaves it), and its box key. */
async function readyBox() {
  const o = await makeOrder(s.deps.db, { status: 'READY' });
  const boxId = await putInBox(s.deps.db, o.lineIds, {});
  return { ...o, boxId };
}

/** A box with a number, its lines in `status`, optionally already sent to the mall. */
async function numberedBox(status: string, sent = false) {
  const o = await makeOrder(s.deps.db, { status });
  const number = cj();
  const boxId = await putInBox(s.deps.db, o.lineIds, { courier: 'CJ', tracking: number });
  if (sent) await s.deps.db('boxes').where({ id: boxId }).update({ send_status: 'sent', sent_at: new Date().toISOString() });
  return { ...o, boxId, number };
}

describe('invoice import: preview and apply', () => {
  it('first entry moves READY to INVOICED; the preview writes nothing; history names the file', async () => {
    const a = await readyBox();
    const number = cj();
    const source = cjSheet([[a.boxId, number]]);
    const pre = await preview(body(source));
    assert.equal(pre.status, 200, JSON.stringify(pre.body));
    assert.deepEqual(outcomes(pre), ['new']);
    assert.equal(pre.body.results[0].row, 2);
    assert.equal(pre.body.import_id, null);
    assert.equal(await lineStatus(a.lineIds[0]!), 'READY');

    const res = await apply(body(source));
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(outcomes(res), ['new']);
    assert.ok(res.body.import_id);
    assert.equal(await lineStatus(a.lineIds[0]!), 'INVOICED');
    assert.equal((await box(a.boxId)).tracking_number, number);
    const history = (await s.deps.db('status_history').where({ batch_id: res.body.batch_id })).map(
      (h: { action: string; from_status: string; to_status: string; reason: string }) => ({
        ...h,
        reason: render(readStoredText(h.reason), 'ko'),
      }),
    );
    assert.deepEqual(
      history.map(
        (h: { action: string; from_status: string; to_status: string; reason: string }) => `${h.action}:${h.from_status}>${h.to_status}:${h.reason}`,
      ),
      ['set_invoice:READY>INVOICED:송장 일괄등록 운송장'],
    );
    // The order detail names the file in the reader's language.
    const importedIn = async (lang: 'ko' | 'en') => (await orderHistoryIn(s, a.id, lang)).find((h) => h.action === 'set_invoice')?.reason;
    assert.equal(await importedIn('ko'), '송장 일괄등록 운송장');
    assert.equal(await importedIn('en'), 'Tracking numbers imported 운송장');
  });

  it('matches by mall order number through a saved template, with the courier chosen for the whole file', async () => {
    const o = await makeOrder(s.deps.db, { status: 'READY', lines: 2 });
    const mallOrderId = (await s.deps.db('orders').where({ id: o.id }).first()).mall_order_id as string;
    const template = await saveOrderNumberTemplate(s, '주문번호로 등록');
    const res = await apply({
      source: sheet([
        ['주문번호', '송장번호'],
        [mallOrderId, '12345'],
      ]),
      template_id: template.id,
      courier: 'LOTTE',
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(outcomes(res), ['refused:invalid_tracking_number'], 'too short for any courier');
    const number = cj();
    const ok = await apply({
      source: sheet([
        ['주문번호', '송장번호'],
        [mallOrderId, number],
      ]),
      template_id: template.id,
      courier: 'LOTTE',
    });
    assert.deepEqual(outcomes(ok), ['new'], JSON.stringify(ok.body));
    for (const id of o.lineIds) assert.equal(await lineStatus(id), 'INVOICED');
    const boxId = (await s.deps.db('order_lines').where({ id: o.lineIds[0] }).first()).box_id as string;
    assert.deepEqual([(await box(boxId)).courier, (await box(boxId)).tracking_number], ['LOTTE', number]);
  });

  it('overwrite off refuses per row; on, it replaces INVOICED and SHIPPED numbers, re-sends a sent box, refuses other statuses', async () => {
    const invoiced = await numberedBox('INVOICED');
    const shipped = await numberedBox('SHIPPED');
    const sent = await numberedBox('SHIPPED', true);
    const delivered = await numberedBox('DELIVERED');
    const canceled = await numberedBox('CANCELED');
    const fresh = [cj(), cj(), cj(), cj(), cj()];
    const boxes = [invoiced, shipped, sent, delivered, canceled];
    const source = cjSheet(boxes.map((b, i) => [b.boxId, fresh[i]!]));

    const off = await apply(body(source));
    assert.deepEqual(outcomes(off), Array(5).fill('refused:overwrite_off'));
    assert.equal(off.body.import_id, null);
    assert.equal((await box(invoiced.boxId)).tracking_number, invoiced.number);

    const pre = await preview(body(source, { overwrite: true }));
    assert.deepEqual(outcomes(pre), ['overwrite', 'overwrite', 'overwrite', 'refused:overwrite_status', 'refused:overwrite_status']);
    assert.deepEqual([pre.body.results[0].old_tracking_number, pre.body.results[0].tracking_number], [invoiced.number, fresh[0]]);
    assert.deepEqual(
      pre.body.results.map((r: { resend: boolean }) => r.resend),
      [false, false, true, false, false],
    );
    assert.match(pre.body.results[3].message, /배송완료|DELIVERED|Delivered/);

    const on = await apply(body(source, { overwrite: true }));
    assert.deepEqual(outcomes(on), outcomes(pre));
    assert.equal((await box(invoiced.boxId)).tracking_number, fresh[0]);
    assert.equal(await lineStatus(shipped.lineIds[0]!), 'SHIPPED');
    const resent = await box(sent.boxId);
    assert.deepEqual([resent.tracking_number, resent.send_status], [fresh[2], 'not_sent']);
    assert.equal((await box(delivered.boxId)).tracking_number, delivered.number);
  });

  it('unchanged for the same number; duplicates inside the file and against the database are refused', async () => {
    const same = await numberedBox('INVOICED');
    const other = await numberedBox('INVOICED');
    const [a, b, c, d, e] = [await readyBox(), await readyBox(), await readyBox(), await readyBox(), await readyBox()];
    const [n1, n2, n3, n4] = [cj(), cj(), cj(), cj()];
    const res = await apply(
      body(
        cjSheet([
          [same.boxId, same.number], // unchanged
          [a.boxId, n1],
          [a.boxId, n1], // the same again: unchanged duplicate
          [b.boxId, n2],
          [b.boxId, n3], // one box, two numbers: both refused
          [c.boxId, n4],
          [d.boxId, n4], // one number, two boxes: both refused
          [e.boxId, other.number], // the number of a box in the database
        ]),
      ),
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(outcomes(res), [
      'unchanged',
      'new',
      'unchanged:repeated_row',
      'refused:same_box_other_number',
      'refused:same_box_other_number',
      'refused:number_on_two_boxes',
      'refused:number_on_two_boxes',
      'refused:duplicate_tracking_number',
    ]);
    assert.deepEqual(res.body.counts, { rows: 8, new: 1, overwrite: 0, unchanged: 2, refused: 5 });
    assert.equal(await lineStatus(a.lineIds[0]!), 'INVOICED');
    assert.equal(await lineStatus(b.lineIds[0]!), 'READY');
  });

  it('a mall order number where our box key belongs is refused saying which template finds orders by it', async () => {
    const res = await s.call('POST', '/api/invoice-imports', body(cjSheet([['3162161220003539', cj()]])), { lang: 'ko' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(outcomes(res), ['refused:box_key_expected']);
    assert.match(res.body.results[0].message, /박스키\(box_… 또는 ord_…\)가 아닙니다. 쇼핑몰 주문번호로 찾으려면/);
  });

  it('all or nothing: one refused row and nothing is applied, every row saying why', async () => {
    const a = await readyBox();
    const res = await apply(
      body(
        cjSheet([
          [a.boxId, cj()],
          ['box_nonexistent', cj()],
        ]),
        { all_or_nothing: true },
      ),
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.applied, false);
    assert.deepEqual(outcomes(res), ['refused:all_or_nothing', 'refused:box_not_found']);
    assert.ok(res.body.results.every((r: { message?: string }) => r.message));
    assert.equal(await lineStatus(a.lineIds[0]!), 'READY');
  });

  it('an operator imports; a viewer may not even preview', async () => {
    const viewer = await s.tokenFor('viewer');
    const res = await preview(body(cjSheet([['box_x', cj()]])), viewer);
    assert.equal(res.status, 403);
  });
});

describe('invoice import: undo', () => {
  it('puts numbers, statuses and the sent mark back, and is listed as undone', async () => {
    const a = await readyBox();
    const sent = await numberedBox('SHIPPED', true);
    const before = await box(sent.boxId);
    const res = await apply(
      body(
        cjSheet([
          [a.boxId, cj()],
          [sent.boxId, cj()],
        ]),
        { overwrite: true },
      ),
    );
    assert.deepEqual(outcomes(res), ['new', 'overwrite']);
    const undo = await s.call('POST', `/api/invoice-imports/${res.body.import_id}/undo`);
    assert.equal(undo.status, 200, JSON.stringify(undo.body));
    assert.equal(await lineStatus(a.lineIds[0]!), 'READY');
    const back = await box(sent.boxId);
    assert.deepEqual([back.tracking_number, back.send_status, back.sent_at], [sent.number, 'sent', before.sent_at]);
    const history = await s.deps.db('status_history').where({ batch_id: undo.body.batch_id });
    assert.ok(history.some((h: { action: string; to_status: string }) => h.action === 'clear_invoice' && h.to_status === 'READY'));
    // Said in the reader's language, as the order detail shows it.
    const undoneIn = async (lang: 'ko' | 'en') =>
      (await orderHistoryIn(s, a.id, lang)).filter((h) => h.batch_id === undo.body.batch_id).map((h) => h.reason);
    assert.deepEqual([...new Set(await undoneIn('ko'))], ['송장 일괄등록 취소 운송장']);
    assert.deepEqual([...new Set(await undoneIn('en'))], ['Tracking number import undone 운송장']);
    const list = await s.call('GET', '/api/invoice-imports');
    const listed = list.body.items.find((i: { id: string }) => i.id === res.body.import_id);
    assert.ok(listed.undone_at);
    assert.deepEqual(listed.counts, { rows: 2, new: 1, overwrite: 1, unchanged: 0, refused: 0 });
    const again = await s.call('POST', `/api/invoice-imports/${res.body.import_id}/undo`);
    assert.equal(again.status, 409);
  });

  it('the undo gives a merged box back as it was, without the number: the courier file imports again by its key', async () => {
    const a = await makeOrder(s.deps.db, { status: 'READY' });
    const b = await makeOrder(s.deps.db, { status: 'READY' });
    const merged = await putInBox(s.deps.db, [...a.lineIds, ...b.lineIds], {});
    const number = cj();
    const res = await apply(body(cjSheet([[merged, number]])));
    assert.deepEqual(outcomes(res), ['new']);
    assert.equal((await box(merged)).tracking_number, number);
    const undone = await s.call('POST', `/api/invoice-imports/${res.body.import_id}/undo`);
    assert.equal(undone.status, 200, JSON.stringify(undone.body));
    for (const id of [...a.lineIds, ...b.lineIds]) {
      const line = await s.deps.db('order_lines').where({ id }).first();
      assert.deepEqual([line.status, line.box_id], ['READY', merged], 'still merged (it was split back to single lines)');
    }
    assert.deepEqual([(await box(merged)).tracking_number, (await box(merged)).courier], [null, null], 'no number, and the courier it had');
    const again = await apply(body(cjSheet([[merged, number]])));
    assert.deepEqual(outcomes(again), ['new'], JSON.stringify(again.body.results));
  });

  it('the undo of a box the import made takes the lines out of it again', async () => {
    const o = await makeOrder(s.deps.db, { status: 'READY', lines: 2 });
    const res = await apply(body(cjSheet([[o.id, cj()]])));
    assert.deepEqual(outcomes(res), ['new']);
    const made = (await s.deps.db('order_lines').where({ id: o.lineIds[0] }).first()).box_id;
    assert.ok(made);
    assert.equal((await s.call('POST', `/api/invoice-imports/${res.body.import_id}/undo`)).status, 200);
    for (const id of o.lineIds) assert.equal((await s.deps.db('order_lines').where({ id }).first()).box_id, null);
    assert.equal(await box(made), undefined);
  });

  it('two undos at once: one undoes, the other is told the import is already undone', async () => {
    const boxes = await Promise.all(Array.from({ length: 20 }, () => readyBox()));
    const res = await apply(body(cjSheet(boxes.map((b) => [b.boxId, cj()]))));
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const both = await Promise.all([0, 1].map(() => s.call('POST', `/api/invoice-imports/${res.body.import_id}/undo`)));
    assert.deepEqual(both.map((r) => r.status).sort(), [200, 409]);
    assert.equal(both.find((r) => r.status === 409)!.body.error.code, 'import_undone');
    // When, as a Korean minute (it was an ISO instant in UTC).
    assert.match(both.find((r) => r.status === 409)!.body.error.message, /\(\d{4}-\d\d-\d\d \d\d:\d\d\)$/);
  });

  it('the same courier file imported twice at once: one numbers the orders, the other finds them numbered (it was a 500)', async () => {
    // Orders without a box yet, keyed by order (as a booking file keys them): the first import makes their boxes
    // while the second has found the lines and waits for their locks.
    const orders = await Promise.all(Array.from({ length: 12 }, () => makeOrder(s.deps.db, { status: 'READY', lines: 2 })));
    const file = body(cjSheet(orders.map((o) => [o.id, cj()])));
    const both = await Promise.all([0, 1].map(() => apply(file)));
    for (const r of both) assert.equal(r.status, 200, JSON.stringify(r.body));
    const tally = both.flatMap((r) => outcomes(r)).reduce<Record<string, number>>((t, o) => ({ ...t, [o]: (t[o] ?? 0) + 1 }), {});
    assert.equal(tally.new, 12, JSON.stringify(tally));
    for (const o of orders) for (const id of o.lineIds) assert.equal(await lineStatus(id), 'INVOICED');
  });

  it('keeps the undo record as one packed value on the import, and still undoes one recorded a row per box', async () => {
    const a = await readyBox();
    const b = await readyBox();
    const res = await apply(
      body(
        cjSheet([
          [a.boxId, cj()],
          [b.boxId, cj()],
        ]),
      ),
    );
    assert.deepEqual(outcomes(res), ['new', 'new']);
    const db = s.deps.db;
    // One statement for the record, not one row per box; and the list does not carry it.
    assert.equal((await db('invoice_import_boxes').where({ import_id: res.body.import_id })).length, 0);
    const record = await db('invoice_imports').where({ id: res.body.import_id }).first();
    // Kept through packed-text.ts (gzipped once long: packed-text tests).
    assert.equal(JSON.parse(await unpackText(record.results)).rows.length, 2);
    const packed = JSON.parse(await unpackText(record.undo_boxes)) as [string, number, ...unknown[]][];
    assert.deepEqual(
      packed.map((p) => [p[0], p[1]]),
      [
        [a.boxId, 2],
        [b.boxId, 3],
      ],
    );
    const list = await s.call('GET', '/api/invoice-imports');
    assert.ok(!('undo_boxes' in list.body.items.find((i: { id: string }) => i.id === res.body.import_id)));

    // An import recorded before the packed record: its rows in invoice_import_boxes, no packed value.
    await db('invoice_import_boxes').insert(
      packed.map(([box_id, row, old_courier, old_tracking_number, old_send_status, old_sent_at, box_version_after, lines]) => ({
        import_id: res.body.import_id,
        box_id,
        row,
        old_courier,
        old_tracking_number,
        old_send_status,
        old_sent_at,
        box_version_after,
        lines: JSON.stringify((lines as [string, string, number][]).map(([id, status, version]) => ({ id, status, version }))),
      })),
    );
    await db('invoice_imports').where({ id: res.body.import_id }).update({ undo_boxes: null });
    const undo = await s.call('POST', `/api/invoice-imports/${res.body.import_id}/undo`);
    assert.equal(undo.status, 200, JSON.stringify(undo.body));
    assert.equal(undo.body.boxes, 2);
    assert.deepEqual([await lineStatus(a.lineIds[0]!), await lineStatus(b.lineIds[0]!)], ['READY', 'READY']);
  });

  it('is refused, naming the rows, once a box it changed has changed since', async () => {
    const a = await readyBox();
    const b = await readyBox();
    const res = await apply(
      body(
        cjSheet([
          [a.boxId, cj()],
          [b.boxId, cj()],
        ]),
      ),
    );
    assert.deepEqual(outcomes(res), ['new', 'new']);
    const later = await apply(body(cjSheet([[b.boxId, cj()]]), { overwrite: true }));
    assert.deepEqual(outcomes(later), ['overwrite']);
    const undo = await s.call('POST', `/api/invoice-imports/${res.body.import_id}/undo`);
    assert.equal(undo.status, 409, JSON.stringify(undo.body));
    assert.equal(undo.body.error.code, 'undo_blocked');
    assert.deepEqual(undo.body.error.details.rows, [3]);
    assert.equal(await lineStatus(a.lineIds[0]!), 'INVOICED');
  });
});

describe('invoice import: files', () => {
  it('reads a CP949 CSV courier file with a title line', async () => {
    const a = await readyBox();
    const number = cj();
    const csv = `CJ대한통운 운송장 출력 결과,\r\n고객주문번호,운송장번호,받는분\r\n${a.boxId},${number},"홍길동, 101호"\r\n`;
    const source = { kind: 'file', filename: '결과.csv', content_base64: iconv.encode(csv, 'cp949').toString('base64') };
    const res = await apply(body(source));
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.header_row, 2);
    assert.deepEqual(outcomes(res), ['new']);
    assert.equal((await box(a.boxId)).tracking_number, number);
    const list = await s.call('GET', '/api/invoice-imports');
    assert.equal(list.body.items.find((i: { id: string }) => i.id === res.body.import_id).source_name, '결과.csv');
  });

  it('reads an XLSX whose numbers Excel stored as numbers', async () => {
    const a = await readyBox();
    const number = cj();
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('결과');
    ws.addRow(['고객주문번호', '운송장번호']);
    ws.addRow([a.boxId, Number(number)]);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const res = await apply(body({ kind: 'file', filename: 'cj.xlsx', content_base64: bytes.toString('base64') }));
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(outcomes(res), ['new']);
    assert.equal((await box(a.boxId)).tracking_number, number);
  });

  it('refuses a file without the template’s columns, naming them', async () => {
    const res = await preview(
      body(
        sheet([
          ['아무', '머리글', '없음'],
          ['a', 'b', 'c'],
        ]),
      ),
    );
    assert.equal(res.status, 400);
  });
});

describe('invoice import: result file', () => {
  /** POSTs and reads the XLSX answer back: each row's cells (from column 1). */
  async function resultFile(path: string, payload: unknown, lang = 'ko') {
    const res = await s.download('POST', path, payload, { lang });
    if (res.status !== 200) return { status: res.status, body: res.json, rows: [] as unknown[][] };
    assert.match(res.headers.get('content-disposition') ?? '', /-%EA%B2%B0%EA%B3%BC\.xlsx/);
    return { status: 200, body: null, rows: await sheetRows(res.bytes) };
  }

  it('names the result file as every download does: apostrophes and parentheses encoded (RFC 5987), an ASCII fallback', async () => {
    const fresh = await readyBox();
    const rows: Cell[][] = [
      ['고객주문번호', '운송장번호'],
      [fresh.boxId, cj()],
    ];
    const res = await fetch(`${s.url}/api/invoice-imports/preview/result.xlsx`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body(sheet(rows, "CJ's 결과 (1)"))),
    });
    assert.equal(res.status, 200);
    const disposition = res.headers.get('content-disposition') ?? '';
    assert.match(disposition, /filename="CJ's _+ \(1\)-_+\.xlsx"/);
    assert.match(disposition, /filename\*=UTF-8''CJ%27s%20%EA%B2%B0%EA%B3%BC%20%281%29-%EA%B2%B0%EA%B3%BC\.xlsx$/);
    await res.arrayBuffer();
  });

  it('gives the file rows with a result column, for a preview and for the applied import (the same file sent again)', async () => {
    const fresh = await readyBox();
    const over = await numberedBox('INVOICED');
    const same = await numberedBox('INVOICED');
    const [n1, n2] = [cj(), cj()];
    const rows: Cell[][] = [
      ['CJ대한통운 출력 결과'],
      ['고객주문번호', '운송장번호', '받는분'],
      [fresh.boxId, n1, '홍길동'],
      [over.boxId, n2, '김철수'],
      [same.boxId, same.number, '이영희'],
      ['box_없음', cj(), '박민수'],
    ];
    const b = body(sheet(rows, 'CJ결과'), { overwrite: true });
    // Each row says its row in the file (the title row above the header counts), as the results' "(N행)" do.
    const expected = (lang: 'ko' | 'en') => [
      lang === 'ko' ? ['행', '고객주문번호', '운송장번호', '받는분', '처리결과'] : ['Row', '고객주문번호', '운송장번호', '받는분', 'Result'],
      [3, fresh.boxId, n1, '홍길동', lang === 'ko' ? `새번호 ${n1}` : `New number ${n1}`],
      [4, over.boxId, n2, '김철수', lang === 'ko' ? `덮어씀 ${over.number} → ${n2}` : `Overwritten ${over.number} → ${n2}`],
      [5, same.boxId, same.number, '이영희', lang === 'ko' ? '변경없음' : 'Unchanged'],
    ];
    const pre = await resultFile('/api/invoice-imports/preview/result.xlsx', b);
    assert.equal(pre.status, 200, JSON.stringify(pre.body));
    assert.deepEqual(pre.rows.slice(0, 4), expected('ko'));
    assert.equal(pre.rows[4]![0], 6);
    assert.match(String(pre.rows[4]![4]), /^거절: 고객주문번호 box_없음에 해당하는 박스·주문이 없습니다/);
    assert.equal((await box(over.boxId)).tracking_number, over.number, 'a preview file writes nothing');

    const applied = await apply(b);
    assert.equal(applied.status, 200, JSON.stringify(applied.body));
    const after = await resultFile(`/api/invoice-imports/${applied.body.import_id}/result.xlsx`, { source: sheet(rows, 'CJ결과') }, 'en');
    assert.equal(after.status, 200, JSON.stringify(after.body));
    assert.deepEqual(after.rows.slice(0, 4), expected('en'));
    assert.match(String(after.rows[4]![4]), /^Refused: /);

    // Another file (a row naming another box) is not laid under this import's results.
    const other = rows.map((r, i) => (i === 3 ? ['box_다른박스', ...r.slice(1)] : r));
    const wrong = await resultFile(`/api/invoice-imports/${applied.body.import_id}/result.xlsx`, { source: sheet(other) });
    assert.equal(wrong.status, 409);
    assert.equal(wrong.body.error.code, 'result_file_mismatch');
  });

  it('a long import keeps its results and undo record gzipped, and its result file and undo read them', async () => {
    const boxes = [];
    for (let i = 0; i < 80; i++) boxes.push(await readyBox());
    const rows: Cell[][] = [['고객주문번호', '운송장번호'], ...boxes.map((b) => [b.boxId, cj()])];
    const applied = await apply(body(sheet(rows, 'CJ결과')));
    assert.equal(applied.status, 200, JSON.stringify(applied.body));
    const record = await s.deps.db('invoice_imports').where({ id: applied.body.import_id }).first();
    for (const value of [record.results, record.undo_boxes] as string[]) {
      assert.match(value, /^H4sI[A-Za-z0-9+/=]+$/, 'gzip as base64');
      assert.ok(value.length * 2 < (await unpackText(value)).length);
    }
    const after = await resultFile(`/api/invoice-imports/${applied.body.import_id}/result.xlsx`, { source: sheet(rows, 'CJ결과') }, 'en');
    assert.equal(after.status, 200, JSON.stringify(after.body));
    assert.deepEqual(after.rows[80], [81, ...rows[80]!, `New number ${rows[80]![1]}`]);
    const undo = await s.call('POST', `/api/invoice-imports/${applied.body.import_id}/undo`);
    assert.equal(undo.status, 200, JSON.stringify(undo.body));
    assert.equal(undo.body.boxes, 80);
    assert.equal(await lineStatus(boxes[79]!.lineIds[0]!), 'READY');
  });
});

describe('file templates', () => {
  it('lists built-ins first, saves, edits and deletes copies; built-ins are read-only', async () => {
    const list = await s.call('GET', '/api/file-templates?type=invoice_import');
    assert.equal(list.status, 200, JSON.stringify(list.body));
    assert.equal(list.body.items[0].id, 'invoice_cj');
    assert.equal(list.body.items[0].built_in, true);
    const copy = { name: 'CJ 복사본', definition: list.body.items[0].definition };
    const saved = await s.call('POST', '/api/file-templates', copy);
    assert.equal(saved.status, 201, JSON.stringify(saved.body));
    assert.equal(saved.body.built_in, false);
    // One name per kind: a second "CJ 복사본" (however spaced or cased) is refused naming the field.
    const twice = await s.call('POST', '/api/file-templates', { ...copy, name: ' cj 복사본 ' }, { lang: 'ko' });
    assert.equal(twice.status, 409, JSON.stringify(twice.body));
    assert.equal(twice.body.error.code, 'template_name_taken');
    assert.match(twice.body.error.message, /같은 이름의 템플릿이 이미 있습니다: CJ 복사본$/);
    const edited = await s.call('PUT', `/api/file-templates/${saved.body.id}`, { ...copy, name: 'CJ 내 양식' });
    assert.equal(edited.body.name, 'CJ 내 양식');
    assert.equal((await s.call('PUT', `/api/file-templates/${saved.body.id}`, { ...copy, name: 'CJ 내 양식' })).status, 200, 'its own name');
    const after = await s.call('GET', '/api/file-templates?type=invoice_import');
    const ids = after.body.items.map((t: { id: string }) => t.id);
    assert.ok(ids.indexOf(saved.body.id) > ids.indexOf('invoice_generic'));

    const put = await s.call('PUT', '/api/file-templates/invoice_cj', copy);
    assert.equal(put.status, 409);
    assert.equal(put.body.error.code, 'template_built_in');
    assert.equal((await s.call('DELETE', '/api/file-templates/invoice_cj')).status, 409);
    assert.equal((await s.call('DELETE', `/api/file-templates/${saved.body.id}`)).status, 204);
    assert.equal((await s.call('DELETE', `/api/file-templates/${saved.body.id}`)).status, 404);
    const bad = await s.call('POST', '/api/file-templates', { name: 'x', definition: { type: 'invoice_import', columns: [] } });
    assert.equal(bad.status, 400);
  });

  it('of one name saved by several requests at once, keeps one and refuses the others as taken', async () => {
    const definition = (await s.call('GET', '/api/file-templates?type=invoice_import')).body.items[0].definition;
    const names = ['동시 양식', '동시 양식 ', '동시 양식', ' 동시 양식'];
    const saved = await Promise.all(names.map((name) => s.call('POST', '/api/file-templates', { name, definition })));
    assert.deepEqual(saved.map((r) => r.status).sort(), [201, 409, 409, 409], JSON.stringify(saved.map((r) => r.body)));
    for (const r of saved.filter((r) => r.status === 409)) assert.equal(r.body.error.code, 'template_name_taken');
    const list = (await s.call('GET', '/api/file-templates?type=invoice_import')).body.items;
    assert.equal(list.filter((t: { name: string }) => t.name.trim() === '동시 양식').length, 1);
  });

  it('guesses a template from a file and serves a sample XLSX', async () => {
    const guess = await s.call('POST', '/api/file-templates/guess', {
      source: sheet([['출력일 2026-11-25'], ['택배사', '송장번호', '박스키'], ['CJ대한통운', '1', 'box_1']]),
      type: 'invoice_import',
    });
    assert.equal(guess.status, 200, JSON.stringify(guess.body));
    assert.equal(guess.body.template.id, 'invoice_generic');
    assert.equal(guess.body.header_row, 2);
    const sample = await s.download('GET', '/api/file-templates/invoice_cj/sample');
    assert.equal(sample.status, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(sample.bytes as never);
    assert.deepEqual((book.worksheets[0]!.getRow(1).values as unknown[]).slice(1), ['고객주문번호', '운송장번호']);
    // Named by the template's name, not its key; the number column is text (Excel keeps its digits).
    const name = decodeURIComponent(sample.headers.get('content-disposition')!.split("UTF-8''")[1]!);
    assert.match(name, /^CJ Logistics.*-sample\.xlsx$/, 'named in the language the test client asks for (English)');
    assert.equal(book.worksheets[0]!.getCell('B2').numFmt, '@');
    const order = await s.download('GET', '/api/file-templates/order_wholesale/sample');
    const orderBook = new ExcelJS.Workbook();
    await orderBook.xlsx.load(order.bytes as never);
    const header = (orderBook.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    const code = header.indexOf('상품코드') + 1;
    assert.ok(code > 0, JSON.stringify(header));
    assert.equal(orderBook.worksheets[0]!.getCell(2, code).numFmt, '@', 'a product code may be all digits');
  });
});
