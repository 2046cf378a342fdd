// Export from the pane's 파일 tab in a real browser: a CJ booking file with a reason and an open password, saved
// as a download (captured by the test), opened with the password as a user's Excel would (officecrypto-tool, then
// exceljs) with each box's key in the reference column and the sender set through the pane on every row; the access
// records show the export with its reason.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import officeCrypto from 'officecrypto-tool';
import { describe, it } from 'vitest';
import { SKIP_WITHOUT_BROWSER } from '../helpers/browser.ts';
import { makeOrder, putInBox } from '../helpers/builders.ts';
import { e2eSession, openWorkbench, signInAsAdmin } from '../helpers/e2e-session.ts';
import { skipWith } from '../helpers/skip.ts';
import { sheetRows } from '../helpers/xlsx.ts';

const e2e = e2eSession();
const PASSWORD = '택배-예약 2026!';

describe('export from the 파일 tab', skipWith(SKIP_WITHOUT_BROWSER), () => {
  it('downloads an encrypted CJ booking file with a reason, and the access records show it', async () => {
    const db = e2e.server.deps.db;
    const a = await makeOrder(db, { channel: '내보내기몰', recipient: '홍길동', recipientMobile: '010-1234-5678', products: ['스텐 텀블러'] });
    const b = await makeOrder(db, { channel: '내보내기몰', recipient: '김철수', recipientMobile: '010-2222-3333', products: ['머그컵'] });
    const boxes = [await putInBox(db, a.lineIds, { status: 'READY' }), await putInBox(db, b.lineIds, { status: 'READY' })];

    // The preview workbench: the pane beside the in-browser workbook (its width is checked by pane-layout.test.ts).
    const { page, pane } = await openWorkbench(e2e, { viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    await pane.getByRole('tab', { name: '파일', exact: true }).click();
    const section = pane.getByRole('region', { name: '파일 내보내기' });
    await section.getByRole('radio', { name: '택배 예약 파일' }).check();
    await section.getByRole('combobox', { name: '택배사 양식' }).click();
    await page.getByRole('option', { name: /^CJ대한통운/ }).click();

    // The sender (보내는 분) every booking row carries, set here by the admin: a wrong phone is refused naming it.
    await section.getByTestId('sender-line').filter({ hasText: '설정되지 않음' }).waitFor();
    await section.getByRole('button', { name: '보내는 분 설정' }).click();
    const form = section.getByTestId('sender-form');
    await form.getByRole('textbox', { name: /^이름/ }).fill('쉽시트상회');
    await form.getByRole('textbox', { name: /^전화번호/ }).fill('12345');
    await form.getByRole('textbox', { name: /^우편번호/ }).fill('06236');
    await form.getByRole('textbox', { name: /^주소/ }).fill('서울특별시 강남구 테헤란로 123');
    await form.getByRole('button', { name: '저장' }).click();
    await form.getByTestId('notice').filter({ hasText: '전화번호: 올바른 전화번호가 아닙니다' }).waitFor();
    await form.getByRole('textbox', { name: /^전화번호/ }).fill('0212345678');
    await form.getByRole('button', { name: '저장' }).click();
    await form.getByTestId('notice').filter({ hasText: '보내는 분을 저장했습니다.' }).waitFor();
    await section.getByTestId('sender-line').filter({ hasText: '쉽시트상회 · 02-1234-5678 · 06236 서울특별시 강남구 테헤란로 123' }).waitFor();
    await section.getByRole('button', { name: '닫기' }).click();

    await section.getByLabel('열기 암호 (선택)').fill(PASSWORD);

    // Without a reason nothing is asked of the server.
    await section.getByRole('button', { name: '파일 내려받기' }).click();
    await section.getByTestId('notice').filter({ hasText: '사유를 고르세요.' }).waitFor();

    await section.getByRole('combobox', { name: '사유' }).click();
    await page.getByRole('option', { name: '기타' }).click();
    await section.getByRole('textbox', { name: '사유 내용' }).fill('택배사 일괄 접수');
    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: '파일 내려받기' }).click()]);
    assert.match(download.suggestedFilename(), /^CJ대한통운_택배예약_\d{8}-\d{4}\.xlsx$/);
    await section
      .getByTestId('notice')
      .filter({ hasText: /파일을 내려받았습니다/ })
      .waitFor();
    const bytes = await readFile((await download.path())!);

    // Encrypted for real: exceljs cannot read it as it is; with the password it opens.
    await assert.rejects(sheetRows(bytes));
    await assert.rejects(officeCrypto.decrypt(bytes, { password: 'wrong' }));
    const [header, ...rows] = await sheetRows(await officeCrypto.decrypt(bytes, { password: PASSWORD }));
    const key = header!.indexOf('고객주문번호');
    assert.ok(key >= 0, `reference column in ${JSON.stringify(header)}`);
    assert.deepEqual(rows.map((r) => r[key]).sort(), [...boxes].sort(), 'every READY box, by its key');
    const name = header!.indexOf('받는분성명');
    assert.deepEqual(rows.map((r) => r[name]).sort(), ['김철수', '홍길동']);
    const sender = [header!.indexOf('보내는분성명'), header!.indexOf('보내는분전화번호')];
    assert.deepEqual(
      rows.map((r) => sender.map((i) => r[i])),
      rows.map(() => ['쉽시트상회', '02-1234-5678']),
      'the sender set in the pane on every row',
    );

    const records = (await e2e.server.call('GET', '/api/audit/access-records?limit=5')).body.items;
    const record = records.find((r: { endpoint: string }) => r.endpoint === 'POST /api/exports/booking');
    assert.deepEqual(
      [record?.kind, record?.reason, record?.reason_text, record?.rows, record?.filter],
      ['export', 'other', '택배사 일괄 접수', 2, { template: 'cj', status: ['READY'] }],
    );

    await page.close();
  });

  it('the sender form opened before the sender is read shows it once the read answers', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 320, height: 900 } });
    page.setDefaultTimeout(30_000);
    // The read of the sender answers only once the form is open.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/settings/sender', async (route) => {
      if (route.request().method() === 'GET') await held;
      await route.continue();
    });
    await page.goto(`${e2e.server.url}/taskpane.html`);
    await signInAsAdmin(page);
    await page.getByRole('tab', { name: '파일', exact: true }).click();
    await page.getByRole('radio', { name: '택배 예약 파일' }).check();
    await page.getByRole('button', { name: '보내는 분 설정' }).click();
    const name = page.getByTestId('sender-form').getByRole('textbox', { name: /^이름/ });
    assert.equal(await name.inputValue(), '', 'nothing read yet');
    release();
    await page.getByTestId('sender-line').filter({ hasText: '쉽시트상회' }).waitFor();
    assert.equal(await name.inputValue(), '쉽시트상회', 'the form shows what the line shows');
    await page.close();
  });

  it('a CP949 file that could not hold a name says so beside the download, naming the file rows', async () => {
    await makeOrder(e2e.server.deps.db, { channel: 'CP949몰', recipient: '박🎁수', recipientMobile: '010-4444-5555' });
    const { page, pane } = await openWorkbench(e2e, { viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    await pane.getByRole('tab', { name: '파일', exact: true }).click();
    const section = pane.getByRole('region', { name: '파일 내보내기' });
    await section.getByRole('radio', { name: '주문 목록' }).check();
    await section.getByLabel(/^검색/).fill('박🎁수');
    await section.getByRole('radio', { name: 'CSV' }).check();
    await section.getByRole('combobox', { name: 'CSV 인코딩' }).click();
    await page.getByRole('option', { name: /CP949/ }).click();
    await section.getByRole('combobox', { name: '사유' }).click();
    await page.getByRole('option', { name: '배송 처리' }).click();
    await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: '파일 내려받기' }).click()]);
    await section.getByTestId('notice').filter({ hasText: 'CP949에 없는 글자 1자를 ?로 바꿔 적었습니다 (파일의 2행)' }).waitFor();
    await page.close();
  });

  it('an operator sees the sender read-only; a viewer is told why it cannot be read', async () => {
    const users = [
      { username: 'packer', password: '출고담당-비밀번호-2026', role: 'operator' },
      { username: 'watcher', password: '조회담당-비밀번호-2026', role: 'viewer' },
    ];
    for (const user of users) assert.equal((await e2e.server.call('POST', '/api/users', user)).status, 201);
    const open = async (user: (typeof users)[number]) => {
      const page = await e2e.browser.newPage({ viewport: { width: 320, height: 900 } });
      page.setDefaultTimeout(30_000);
      await page.goto(`${e2e.server.url}/taskpane.html`);
      await page.getByLabel('아이디').fill(user.username);
      await page.getByLabel('비밀번호').fill(user.password);
      await page.getByRole('button', { name: '로그인' }).click();
      await page.getByText(`${user.username} (${user.role === 'operator' ? '운영자' : '조회자'})`).waitFor();
      await page.getByRole('tab', { name: '파일', exact: true }).click();
      await page.getByRole('radio', { name: '택배 예약 파일' }).check();
      return page;
    };
    const operator = await open(users[0]!);
    await operator.getByRole('button', { name: '보내는 분 설정' }).click();
    await operator.getByTestId('sender-line').filter({ hasText: '쉽시트상회 · 02-1234-5678' }).waitFor();
    const form = operator.getByTestId('sender-form');
    await form.getByText('관리자만 바꿀 수 있습니다.').waitFor();
    assert.equal(await form.getByRole('textbox', { name: /^이름/ }).inputValue(), '쉽시트상회');
    assert.equal(await form.getByRole('textbox', { name: /^이름/ }).getAttribute('readonly'), '');
    assert.equal(await form.getByRole('button', { name: '저장' }).count(), 0);
    await operator.close();

    // A viewer is told what the booking file is for instead of a refusal in the sender line, and finds the buttons the
    // server would refuse off, each tab saying so (they were on, and only failed).
    const viewer = await open(users[1]!);
    await viewer.getByText('택배 예약 파일은 운영자와 관리자만 내려받을 수 있습니다', { exact: false }).waitFor();
    assert.equal(await viewer.getByTestId('sender-line').count(), 0);
    assert.equal(await viewer.getByRole('button', { name: '파일 내려받기' }).isDisabled(), true);
    await viewer.getByRole('radio', { name: '주문 목록' }).check();
    assert.equal(await viewer.getByRole('button', { name: '파일 내려받기' }).isDisabled(), false, 'a masked order list is theirs');
    const imports = viewer.getByRole('region', { name: '가져오기', exact: true });
    for (const name of ['적용', '마지막 가져오기 취소'])
      assert.equal(await imports.getByRole('button', { name, exact: true }).isDisabled(), true, name);
    assert.equal(await imports.getByRole('button', { name: '미리보기' }).isDisabled(), false);
    await imports.getByText('적용·등록과 취소, 템플릿 저장은 운영자와 관리자만', { exact: false }).waitFor();
    await viewer.getByRole('tab', { name: '매칭', exact: true }).click();
    assert.equal(await viewer.getByRole('button', { name: '매칭 저장' }).isDisabled(), true);
    await viewer.getByText('매칭 저장은 운영자와 관리자만 할 수 있습니다.').waitFor();
    await viewer.getByRole('tab', { name: '상품', exact: true }).click();
    assert.equal(await viewer.getByRole('button', { name: '상품 올리기' }).isDisabled(), true);
    assert.equal(await viewer.getByRole('button', { name: '상품 불러오기' }).isDisabled(), false);
    await viewer.close();
  });

  it('fits Excel’s 320 px pane with every export field shown (booking, CSV encoding, 기타 with words)', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 320, height: 900 } });
    page.setDefaultTimeout(30_000);
    await page.goto(`${e2e.server.url}/taskpane.html`);
    await signInAsAdmin(page);
    await page.getByRole('tab', { name: '파일', exact: true }).click();
    const section = page.getByRole('region', { name: '파일 내보내기' });
    const fits = async (where: string) => {
      const o = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      assert.ok(o.scroll <= o.client, `${where}: the pane scrolls sideways (${o.scroll} > ${o.client})`);
    };
    await fits('order list, XLSX');
    await section.getByRole('radio', { name: '택배 예약 파일' }).check();
    await section.getByRole('radio', { name: 'CSV' }).check();
    await section.getByRole('combobox', { name: 'CSV 인코딩' }).waitFor();
    await section.getByRole('combobox', { name: '사유' }).click();
    await page.getByRole('option', { name: '기타' }).click();
    await section.getByRole('textbox', { name: '사유 내용' }).fill('가'.repeat(120));
    await fits('booking, CSV, 기타');
    const button = await section.getByRole('button', { name: '파일 내려받기' }).boundingBox();
    assert.ok(button && button.x >= 0 && button.x + button.width <= 320, `download button at ${JSON.stringify(button)}`);
    await page.close();
  });
});
