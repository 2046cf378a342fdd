// The 파일 tab in the preview workbench: a courier's result file opened as the active sheet (title lines above the
// header, our box keys in 고객주문번호) read by the pane, recognised (CJ and 한진 use the same headers, so the
// operator picks one), previewed and applied with a result beside each row; then the courier's CP949 CSV chosen as
// a file, applied with overwrite on, its results on a result sheet; then that import undone.
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import officeCrypto from 'officecrypto-tool';
import { describe, it } from 'vitest';
import { makeOrder, putInBox } from '../helpers/builders.ts';
import { SKIP_WITHOUT_BROWSER } from '../helpers/browser.ts';
import { e2eSession, openWorkbench, signInAsAdmin } from '../helpers/e2e-session.ts';
import { trackingNumber } from '../helpers/sheet-lines.ts';
import { skipWith } from '../helpers/skip.ts';

const e2e = e2eSession();
let serial = 91_000;
const cj = () => trackingNumber(++serial);

describe('파일 tab: invoice imports', skipWith(SKIP_WITHOUT_BROWSER), () => {
  it('reads a courier file from the active sheet, previews and applies it beside the rows, overwrites from a CP949 CSV and undoes it', async () => {
    const db = e2e.server.deps.db;
    // Two READY boxes without a number (as a booking export leaves them) and one already INVOICED.
    const ready = await Promise.all([0, 1].map(async () => putInBox(db, (await makeOrder(db, { status: 'READY' })).lineIds, {})));
    const oldNumber = cj();
    const invoiced = await putInBox(db, (await makeOrder(db, { status: 'INVOICED' })).lineIds, { courier: 'CJ', tracking: oldNumber });
    const numbers = [cj(), cj(), cj()];
    const box = async (id: string) => (await db('boxes').where({ id }).first()).tracking_number as string | null;

    const { page, pane } = await openWorkbench(e2e, { viewport: { width: 1400, height: 1000 } });

    // The courier's file as the operator opened it: a title, an empty line, the header on row 3; numbers typed in
    // General cells become numbers, as Excel makes them.
    const file = [
      ['CJ대한통운 운송장 출력 결과 (2026-11-22)'],
      [],
      ['고객주문번호', '운송장번호', '받는분'],
      [ready[0]!, numbers[0]!, '홍길동'],
      [ready[1]!, numbers[1]!, '김철수'],
      [invoiced, numbers[2]!, '이영희'],
    ];
    await page.evaluate((rows) => {
      const wb = (globalThis as any).shipsheetWorkbook;
      rows.forEach((r: string[], i: number) => r.forEach((v, c) => wb.userEdit('Sheet1', i, c, v)));
    }, file);
    const column = (col: number) =>
      page.evaluate((col) => {
        const s = (globalThis as any).shipsheetWorkbook.find('Sheet1');
        return [0, 1, 2, 3, 4, 5].map((r) => s.get(r, col)?.value ?? '');
      }, col);

    await pane.getByRole('tab', { name: '파일', exact: true }).click();
    const files = pane.getByRole('region', { name: '가져오기', exact: true });
    await files.getByRole('button', { name: '미리보기' }).click();
    // CJ and 한진 name these columns alike: the pane asks which one.
    await files.getByText('똑같이 맞는 템플릿이 여럿입니다').waitFor();
    await files.getByRole('radio', { name: 'CJ대한통운 운송장 결과' }).check();
    await files.getByRole('button', { name: '미리보기' }).click();
    await files.getByText('미리보기: 3행 — 신규 2, 덮어쓰기 0, 변경없음 0, 거부 1').waitFor();
    const previewed = await column(3);
    assert.equal(previewed[2], '가져오기결과 (미리보기)');
    assert.equal(previewed[3], `신규 ${numbers[0]}`);
    assert.equal(previewed[4], `신규 ${numbers[1]}`);
    assert.match(String(previewed[5]), /^거부: /, 'a number already entered, overwrite off');
    assert.equal(await box(ready[0]!), null, 'a preview writes nothing');

    await files.getByRole('button', { name: '적용' }).click();
    await files.getByText('적용: 3행 — 신규 2, 덮어쓰기 0, 변경없음 0, 거부 1').waitFor();
    const applied = await column(3);
    assert.equal(applied[2], '가져오기결과', 'the same column, now titled as applied');
    assert.equal(await box(ready[0]!), numbers[0]);
    assert.equal(await box(ready[1]!), numbers[1]);
    assert.equal(await box(invoiced), oldNumber, 'refused: overwrite was off');
    assert.equal((await column(4)).join(''), '', 'nothing written past the result column');

    // The courier's CP949 CSV, chosen as a file, with overwrite on for two boxes that have numbers now.
    const replaced = [cj(), cj()];
    const csv = [
      'CJ대한통운 운송장 결과',
      '고객주문번호,운송장번호,받는분',
      `${ready[0]},${replaced[0]},"홍길동, 본사"`,
      `${invoiced},${replaced[1]},이영희`,
    ].join('\r\n');
    await files.getByRole('radio', { name: '파일 선택' }).check();
    await files.getByLabel('가져올 파일 (XLSX, CSV)').setInputFiles({ name: 'CJ결과.csv', mimeType: 'text/csv', buffer: iconv.encode(csv, 'cp949') });
    await files.getByText('선택한 파일: CJ결과.csv').waitFor();
    await files.getByRole('switch', { name: /덮어쓰기/ }).check();
    await files.getByRole('button', { name: '적용' }).click();
    await files.getByText('적용: 2행 — 신규 0, 덮어쓰기 2, 변경없음 0, 거부 0').waitFor();
    assert.equal(await box(ready[0]!), replaced[0]);
    assert.equal(await box(invoiced), replaced[1]);
    const sheet = await page.evaluate(() => {
      const wb = (globalThis as any).shipsheetWorkbook;
      const s = wb.find('가져오기결과');
      return { active: wb.active, rows: [0, 1, 2].map((r) => [0, 1, 2, 3, 4].map((c) => s.get(r, c)?.value ?? '')) };
    });
    assert.equal(sheet.active, '가져오기결과');
    assert.deepEqual(sheet.rows[0], ['행', '가져오기결과', '참조', '택배사', '송장번호']);
    assert.deepEqual(sheet.rows[1], ['3', `덮어쓰기 ${numbers[0]} → ${replaced[0]}`, ready[0], 'CJ대한통운', replaced[0]]);
    assert.deepEqual(sheet.rows[2], ['4', `덮어쓰기 ${oldNumber} → ${replaced[1]}`, invoiced, 'CJ대한통운', replaced[1]]);

    // Undo the last import: the overwritten numbers come back.
    await files.getByRole('button', { name: '마지막 가져오기 취소' }).click();
    await files.getByText('가져오기를 취소했습니다 (박스 2개 되돌림).').waitFor();
    assert.equal(await box(ready[0]!), numbers[0]);
    assert.equal(await box(invoiced), oldNumber);

    // Turning to order uploads: the CJ pick (an invoice template, not among the order templates) does not follow;
    // the order import recognises its template again instead of finding none.
    await files.getByRole('radio', { name: '주문 업로드' }).check();
    await files
      .getByRole('combobox', { name: '템플릿' })
      .filter({ hasText: /^자동 인식$/ })
      .waitFor({ timeout: 10_000 });
    await page.close();
  });

  it('keeps the order templates when the invoice templates, read first, answer after the turn to order uploads', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(30_000);
    let slowed = false;
    await page.route('**/api/file-templates?type=invoice_import', async (route) => {
      if (!slowed) {
        slowed = true;
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
      await route.continue();
    });
    await page.goto(`${e2e.server.url}/preview`);
    await signInAsAdmin(page);
    const pane = page.getByRole('complementary', { name: 'ShipSheet' });
    await pane.getByRole('tab', { name: '파일', exact: true }).click();
    const files = pane.getByRole('region', { name: '가져오기', exact: true });
    await files.getByRole('radio', { name: '주문 업로드' }).check();
    await page.waitForTimeout(2500);
    await files.getByRole('combobox', { name: '템플릿' }).click();
    await page.getByRole('option', { name: /도매·직거래 주문서/ }).waitFor({ timeout: 5000 });
    assert.equal(await page.getByRole('option', { name: /CJ대한통운/ }).count(), 0, 'no invoice template among the order ones');
    await page.close();
  });

  it('saves a copy of the wholesale template with an edited column, uploads orders through it, and deletes the batch with a reason', async () => {
    const { page, pane } = await openWorkbench(e2e, { viewport: { width: 1400, height: 1200 } });
    await pane.getByRole('tab', { name: '파일', exact: true }).click();
    const files = pane.getByRole('region', { name: '가져오기', exact: true });
    const editor = pane.getByRole('region', { name: '템플릿 편집', exact: true });
    await files.getByRole('radio', { name: '주문 업로드' }).check();

    // The buyer writes 받을사람 for the recipient: a copy of the built-in with that header.
    await editor.getByRole('combobox', { name: '편집할 템플릿' }).click();
    await page.getByRole('option', { name: '도매·직거래 주문서 (일반) (기본)' }).click();
    await editor.getByLabel('수취인 머리글 (쉼표로 구분)').fill('받을사람, 받는 사람');
    await editor.getByLabel('새 이름').fill('한빛유통 주문서');
    await editor.getByRole('button', { name: '사본으로 저장' }).click();
    await editor.getByText('"한빛유통 주문서" 템플릿을 저장했습니다.').waitFor();
    const saved = (await e2e.server.call('GET', '/api/file-templates?type=order_upload')).body.items.find(
      (t: { name: string }) => t.name === '한빛유통 주문서',
    );
    assert.ok(saved && !saved.built_in);
    const recipient = saved.definition.columns.find((c: { field: string }) => c.field === 'recipient_name');
    assert.deepEqual(recipient.headers, ['받을사람', '받는 사람']);

    // A sample of the template to hand to the buyer: its header row and one made-up row, as an XLSX.
    const [sample] = await Promise.all([page.waitForEvent('download'), editor.getByRole('button', { name: '샘플 파일' }).click()]);
    assert.match(sample.suggestedFilename(), /-sample\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await sample.path())!);
    const header = (book.worksheets[0]!.getRow(1).values as unknown[]).filter(Boolean);
    assert.ok(header.length >= 5, `a header row: ${JSON.stringify(header)}`);
    assert.equal(book.worksheets[0]!.rowCount, 2, 'the header and one example row');

    const sheet = [
      ['주문번호', '주문자', '받을사람', '휴대폰', '주소', '상품명', '수량'],
      ['HB-2001', '(주)한빛유통', '박지민', '010-2345-6789', '서울시 강남구 테헤란로 1', '햇사과 10kg', '3'],
      ['HB-2002', '(주)한빛유통', '최유리', '010-3456-7890', '부산시 해운대구 센텀로 2', '배 5kg', '2'],
      ['HB-2003', '(주)한빛유통', '', '010-4567-8901', '대구시 중구 동성로 3', '감귤 5kg', '1'],
    ];
    await page.evaluate((rows) => {
      const wb = (globalThis as any).shipsheetWorkbook;
      rows.forEach((r: string[], i: number) => r.forEach((v, c) => wb.userEdit('Sheet1', i, c, v)));
    }, sheet);
    await files.getByRole('combobox', { name: '템플릿' }).click();
    await page.getByRole('option', { name: '한빛유통 주문서', exact: true }).click();
    await files.getByRole('button', { name: '미리보기' }).click();
    await files.getByText('미리보기: 3행 — 정상 2, 오류 1, 중복 0 (주문 2건)').waitFor();
    const results = await page.evaluate(() => {
      const s = (globalThis as any).shipsheetWorkbook.find('Sheet1');
      return [0, 1, 2, 3].map((r) => s.get(r, 7)?.value ?? '');
    });
    assert.equal(results[0], '가져오기결과 (미리보기)');
    // A registered row says its order, and the server's note (products are not matched to a catalogue yet).
    assert.match(String(results[1]), /^정상 \(주문 1\) — .*햇사과 10kg/);
    assert.match(String(results[2]), /^정상 \(주문 2\)/);
    assert.match(String(results[3]), /^오류: /);

    // A wholesaler's file has no 거래처 column: its orders are filed under the buyer, so another buyer's order numbers
    // never meet them as duplicates.
    await files.getByRole('combobox', { name: '거래처' }).click();
    await page.getByRole('option', { name: '거래처 지정' }).click();
    await files.getByRole('button', { name: '주문 등록' }).click();
    await files.getByText('거래처명을 넣으세요.').waitFor();
    await files.getByLabel('거래처명').fill('한빛유통');
    await files.getByRole('button', { name: '주문 등록' }).click();
    await files.getByText('등록: 3행 — 정상 2, 오류 1, 중복 0 (주문 2건)').waitFor();
    const filed = await e2e.server.deps.db('orders').whereIn('mall_order_id', ['HB-2001', 'HB-2002']).select('channel_kind', 'channel_name');
    assert.deepEqual(
      filed.map((o: { channel_kind: string; channel_name: string }) => [o.channel_kind, o.channel_name]),
      [
        ['named', '한빛유통'],
        ['named', '한빛유통'],
      ],
    );
    const batches = pane.getByRole('region', { name: '업로드 묶음', exact: true });
    await batches.getByText(/Sheet1 — 주문 2건, 거부 1행/).waitFor();
    const upload = (await e2e.server.call('GET', '/api/order-uploads')).body.items[0];
    assert.equal(upload.orders_created, 2);

    await batches.getByRole('button', { name: '묶음 삭제' }).click();
    await files.getByText('삭제 사유를 넣으세요.').waitFor();
    await batches.getByLabel('삭제 사유').fill('거래처 요청으로 재발주');
    await batches.getByRole('button', { name: '묶음 삭제' }).click();
    await files.getByText('묶음을 삭제했습니다 (주문 2건).').waitFor();
    await batches.getByText('(삭제됨: 거래처 요청으로 재발주)').waitFor();
    const deleted = (await e2e.server.call('GET', `/api/order-uploads/${upload.id}`)).body;
    assert.equal(deleted.delete_reason, '거래처 요청으로 재발주');

    // The saved copy can be deleted; built-ins only copied.
    await editor.getByRole('combobox', { name: '편집할 템플릿' }).click();
    await page.getByRole('option', { name: '한빛유통 주문서', exact: true }).click();
    await editor.getByRole('button', { name: '삭제' }).click();
    await editor.getByText('"한빛유통 주문서" 템플릿을 지웠습니다.').waitFor();
    assert.equal((await e2e.server.call('GET', `/api/file-templates?type=order_upload`)).body.items.length, 1);
    await page.close();
  });

  it('a password-protected file, its template left to 자동 인식, asks for the password and then reads', async () => {
    const { page, pane } = await openWorkbench(e2e, { viewport: { width: 320, height: 1200 } });
    await pane.getByRole('tab', { name: '파일', exact: true }).click();
    const files = pane.getByRole('region', { name: '가져오기', exact: true });
    await files.getByRole('radio', { name: '주문 업로드' }).check();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('주문');
    sheet.addRow(['주문번호', '주문자', '수취인', '휴대폰', '주소', '상품명', '수량']);
    sheet.addRow(['PW-1', '(주)암호상사', '정하나', '010-5678-1234', '서울시 종로구 종로 1', '현미 10kg', '1']);
    const locked = officeCrypto.encrypt(Buffer.from(await book.xlsx.writeBuffer()), { password: '비번1234' });
    await files.getByRole('radio', { name: '파일 선택' }).check();
    await files.getByLabel('가져올 파일 (XLSX, CSV)').setInputFiles({ name: '주문_암호.xlsx', mimeType: 'application/octet-stream', buffer: locked });
    await files.getByRole('button', { name: '미리보기' }).click();
    // It was a dead end: the recognition asked for the password and no field to type it showed.
    await files.getByText(/암호가 걸린 파일입니다/).waitFor();
    await files.getByLabel('파일 열기 암호').fill('비번1234');
    await files.getByRole('button', { name: '미리보기' }).click();
    await files.getByText('미리보기: 1행 — 정상 1, 오류 0, 중복 0 (주문 1건)').waitFor();
    await page.close();
  });
});
