// Deciding what a push sends: only cells changed since the pull, found by key whatever the operator did to the
// sheet, with local checks before anything reaches the server.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { ORDER_COLUMNS } from '../../../shared/sheet/order-columns.ts';
import { rowCells, textOf, type CellValue } from '../../../addin/src/sheet/cells.ts';
import { planPush } from '../../../addin/src/sheet/push-plan.ts';
import { SNAPSHOT_COLUMNS, readSnapshot, snapshotRow } from '../../../addin/src/sheet/snapshot.ts';
import { storedValue } from '../../../addin/src/workbench/fake-excel.ts';
import { lineRow, trackingNumber } from '../../helpers/sheet-lines.ts';

const header = ORDER_COLUMNS.map((c) => c.header.ko);
const col = (id: string) => ORDER_COLUMNS.findIndex((c) => c.id === id);

function pulled(count: number, over: (i: number) => Record<string, unknown> = () => ({})) {
  const lines = Array.from({ length: count }, (_, i) => lineRow(i, over(i)));
  const rows: CellValue[][] = lines.map((l) => rowCells(l, 'ko'));
  const snapshot = readSnapshot([[...SNAPSHOT_COLUMNS], ...lines.map((l) => snapshotRow(l, 'ko'))]);
  return { lines, rows, snapshot };
}

describe('push plan', () => {
  it('an untouched sheet sends nothing', () => {
    const { rows, snapshot } = pulled(10);
    const plan = planPush(header, rows, 1, snapshot, 'ko');
    assert.deepEqual(plan.rows, []);
    assert.deepEqual(plan.issues, []);
    assert.equal(plan.seen, 10);
  });

  it('a typed tracking number sends courier + number with the row version, and only that row', () => {
    const { rows, snapshot } = pulled(4);
    rows[2]![col('courier')] = 'CJ대한통운';
    rows[2]![col('tracking_number')] = trackingNumber(1);
    const plan = planPush(header, rows, 1, snapshot, 'ko');
    assert.deepEqual(plan.rows, [
      { sheetRow: 3, row: { line_id: 'lin_000002', line_version: 1, courier: 'CJ', tracking_number: trackingNumber(1) } },
    ]);
  });

  it('an invalid number, an unknown courier, a number without courier are refused locally naming the column', () => {
    const { rows, snapshot } = pulled(3);
    rows[0]![col('courier')] = 'CJ대한통운';
    rows[0]![col('tracking_number')] = '12345';
    rows[1]![col('courier')] = '없는택배';
    rows[2]![col('tracking_number')] = trackingNumber(2);
    const plan = planPush(header, rows, 1, snapshot, 'ko');
    assert.deepEqual(plan.rows, []);
    assert.deepEqual(
      plan.issues.map((i) => [i.sheetRow, i.column]),
      [
        [1, 'tracking_number'],
        [2, 'courier'],
        [3, 'courier'],
      ],
    );
    assert.match(plan.issues[0]!.message, /자리/);
  });

  it('corrected recipient cells are sent as typed; a bad phone or zip and an emptied name are checked locally naming the column', () => {
    const { rows, snapshot } = pulled(4);
    rows[0]![col('recipient_mobile')] = '01055556666';
    rows[0]![col('delivery_memo')] = '경비실에 맡겨주세요';
    rows[1]![col('recipient_mobile')] = '010-12';
    rows[2]![col('recipient_zip')] = '1234';
    rows[3]![col('recipient_name')] = '';
    const plan = planPush(header, rows, 1, snapshot, 'ko');
    assert.deepEqual(plan.rows, [
      {
        sheetRow: 1,
        row: { line_id: 'lin_000000', line_version: 1, recipient_mobile: '01055556666', delivery_memo: '경비실에 맡겨주세요' },
      },
    ]);
    assert.deepEqual(
      plan.issues.map((i) => [i.sheetRow, i.column, i.message]),
      [
        [2, 'recipient_mobile', '휴대폰: 전화번호가 아닙니다 (예: 010-1234-5678)'],
        [3, 'recipient_zip', '우편번호: 숫자 5자리여야 합니다'],
        [4, 'recipient_name', '수취인은 비울 수 없습니다'],
      ],
    );
  });

  it('a snapshot taken before recipient cells were editable sends none of them (nothing to compare with)', () => {
    const { lines, rows } = pulled(1);
    const old = SNAPSHOT_COLUMNS.filter((c) => !c.startsWith('recipient_') && c !== 'delivery_memo');
    const full = snapshotRow(lines[0]!, 'ko');
    const snapshot = readSnapshot([[...old], old.map((c) => full[SNAPSHOT_COLUMNS.indexOf(c)]!)]);
    rows[0]![col('recipient_name')] = '다른 이름';
    assert.deepEqual(planPush(header, rows, 1, snapshot, 'ko').rows, []);
  });

  it('finds rows by key after the operator sorts, deletes rows, inserts and moves columns', () => {
    const { rows, snapshot } = pulled(6, (i) => (i === 4 ? { courier: 'CJ', tracking_number: trackingNumber(9) } : {}));
    rows[4]![col('courier')] = '롯데택배';
    rows[4]![col('tracking_number')] = '';
    rows[1]![col('hold')] = 'Y';
    rows[1]![col('hold_reason')] = '주소 확인';
    // Sorted descending by mall line number, row 0 and 3 deleted, an own column inserted at 0, two columns swapped.
    let sheet = [header as CellValue[], ...rows.filter((_, i) => i !== 0 && i !== 3).reverse()];
    sheet = sheet.map((r, i) => [i === 0 ? '내 메모' : `=A${i}`, ...r]);
    const swap = (r: CellValue[]) => {
      const a = col('courier') + 1;
      const b = col('status') + 1;
      [r[a], r[b]] = [r[b]!, r[a]!];
      return r;
    };
    sheet = sheet.map(swap);
    const plan = planPush(sheet[0]!, sheet.slice(1), 1, snapshot, 'ko');
    const byId = new Map(plan.rows.map((p) => [p.row.line_id, p]));
    assert.deepEqual(byId.get('lin_000004')?.row, { line_id: 'lin_000004', line_version: 1, courier: 'LOTTE', tracking_number: '' });
    assert.deepEqual(byId.get('lin_000001')?.row, { line_id: 'lin_000001', line_version: 1, hold: true, hold_reason: '주소 확인' });
    assert.equal(plan.rows.length, 2, 'deleted rows are not changes');
    assert.equal(byId.get('lin_000004')!.sheetRow, 2, 'the result goes to the row where the line is now');
  });

  it('a courier chosen before its number waits for the number', () => {
    const { rows, snapshot } = pulled(2);
    rows[0]![col('courier')] = 'CJ대한통운';
    assert.deepEqual(planPush(header, rows, 1, snapshot, 'ko').rows, []);
  });

  it('digits Excel turned into a number still equal the snapshot', () => {
    const number = trackingNumber(3);
    const { rows, snapshot } = pulled(1, () => ({ courier: 'CJ', tracking_number: number }));
    rows[0]![col('tracking_number')] = storedValue(number, 'General');
    assert.equal(typeof rows[0]![col('tracking_number')], 'number');
    assert.deepEqual(planPush(header, rows, 1, snapshot, 'ko').rows, []);
  });

  it("a number shared with another recipient's order is a local error; the same number on two lines of one order is one box", () => {
    const { rows, snapshot } = pulled(4, (i) => ({ recipient_name: i < 2 ? '김민준' : '이서연' }));
    for (const i of [0, 1, 2]) {
      rows[i]![col('courier')] = 'CJ대한통운';
      rows[i]![col('tracking_number')] = trackingNumber(7);
    }
    const plan = planPush(header, rows, 1, snapshot, 'ko');
    assert.deepEqual(
      plan.issues.map((i) => [i.line_id, i.column]),
      [
        ['lin_000000', 'tracking_number'],
        ['lin_000001', 'tracking_number'],
        ['lin_000002', 'tracking_number'],
      ],
    );
    rows[2]![col('tracking_number')] = trackingNumber(8);
    const fixed = planPush(header, rows, 1, snapshot, 'ko');
    assert.deepEqual(fixed.issues, []);
    assert.equal(fixed.rows.length, 3);
  });

  it('orders to one recipient may share a number (a merged box, 합포): nothing local, the server decides', () => {
    // Two orders to the same name and address, written the way two malls write them (서울특별시 / 서울).
    const { rows, snapshot } = pulled(4, (i) => (i < 2 ? {} : { recipient_address1: '서울 강남구  테헤란로 152' }));
    for (const i of [0, 2]) {
      rows[i]![col('courier')] = 'CJ대한통운';
      rows[i]![col('tracking_number')] = trackingNumber(9);
    }
    const plan = planPush(header, rows, 1, snapshot, 'ko');
    assert.deepEqual(plan.issues, []);
    assert.deepEqual(
      plan.rows.map((r) => [r.row.line_id, r.row.tracking_number]),
      [
        ['lin_000000', trackingNumber(9)],
        ['lin_000002', trackingNumber(9)],
      ],
    );
  });

  it('hold needs a reason, a copied row is flagged, a memo is sent', () => {
    const { rows, snapshot } = pulled(3);
    rows[0]![col('hold')] = 'Y';
    rows[1]![col('memo')] = '포장 꼼꼼히';
    rows[2]![col('hold')] = '아마도';
    const copy = [...rows[1]!];
    const plan = planPush(header, [...rows, copy], 1, snapshot, 'ko');
    assert.deepEqual(
      plan.issues.map((i) => [i.sheetRow, i.column]),
      [
        [4, 'line_id'],
        [1, 'hold_reason'],
        [3, 'hold'],
      ],
    );
    assert.deepEqual(
      plan.rows.map((p) => p.row),
      [{ line_id: 'lin_000001', line_version: 1, memo: '포장 꼼꼼히' }],
    );
  });

  it("a cell over the API's length limit is named on its row, not sent", () => {
    const { rows, snapshot } = pulled(2);
    rows[1]![col('memo')] = '가'.repeat(2001);
    const plan = planPush(header, rows, 1, snapshot, 'ko');
    assert.deepEqual(plan.rows, []);
    assert.deepEqual(
      plan.issues.map((i) => [i.sheetRow, i.column, i.message]),
      [[2, 'memo', '너무 깁니다 (최대 2000자).']],
    );
  });

  it('a sheet without the key column cannot be pushed', () => {
    const { rows, snapshot } = pulled(1);
    const plan = planPush(
      header.map((h) => (h === '상품주문키' ? 'x' : h)),
      rows,
      1,
      snapshot,
      'ko',
    );
    assert.match(plan.fatal ?? '', /상품주문키/);
  });

  it('English headers are found too', () => {
    const { rows, snapshot } = pulled(1);
    rows[0]![col('memo')] = 'gift wrap';
    const plan = planPush(
      ORDER_COLUMNS.map((c) => c.header.en),
      rows,
      1,
      snapshot,
      'en',
    );
    assert.equal(plan.rows[0]?.row.memo, 'gift wrap');
    assert.equal(textOf(12.0), '12');
  });
});
