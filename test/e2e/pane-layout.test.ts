// The task pane at the width Excel opens it (320 px, and 280 and 360): every tab, in both languages, and a long server error fit
// without scrolling sideways — notices wrap (long unbroken strings too), button rows wrap. Also the 작업 tab's
// defaults: a switched-off mall account is not ticked. A button pressed from the keyboard gets the focus back; the
// accounts not read at sign-in are said, with a retry.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SKIP_WITHOUT_BROWSER, buildPane, launchBrowser } from '../helpers/browser.ts';
import { cutTexts } from '../helpers/pane-width.ts';
import { skipWith } from '../helpers/skip.ts';
import { naverMall, type MallFixture } from '../helpers/malls.ts';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/server.ts';
import type { NaverSandbox } from '../../server/sandbox/naver/naver.sandbox.ts';

const WIDTH = 320;
let s: TestServer;
let browser: Browser;
let mall: MallFixture<NaverSandbox>;

beforeAll(async () => {
  if (SKIP_WITHOUT_BROWSER) return;
  buildPane();
  s = await startTestServer();
  mall = await naverMall(s, { initialOrders: 0 });
  const off = await s.call('POST', '/api/mall-accounts', {
    mall_type: 'coupang',
    display_name: '쿠팡 (사용 안 함)',
    active: false,
    credentials: { vendor_id: 'A00012345', access_key: 'a'.repeat(32), secret_key: 'b'.repeat(48) },
  });
  assert.equal(off.status, 201, JSON.stringify(off.body));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await mall?.sandbox.close();
  await s?.close();
});

async function openPane(width = WIDTH, beforeSignIn?: (page: Page) => Promise<unknown>): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.setDefaultTimeout(20_000);
  await beforeSignIn?.(page);
  await page.goto(`${s.url}/taskpane.html`);
  await page.getByLabel('아이디').fill('admin');
  await page.getByLabel('비밀번호').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.getByText('admin (관리자)').waitFor();
  return page;
}

/** What sticks out of a 320 px pane: the page's own sideways scroll, and every visible element past an edge. */
async function overflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; outside: string[] }> {
  return page.evaluate(() => {
    const root = document.scrollingElement!;
    const outside: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height || getComputedStyle(el).visibility === 'hidden') continue;
      // Content clipped by an ancestor inside the pane does not stick out (an indeterminate progress bar slides
      // its bar through a clipped track).
      const clipped = (): boolean => {
        for (let p = el.parentElement; p; p = p.parentElement) {
          const overflowX = getComputedStyle(p).overflowX;
          const pr = p.getBoundingClientRect();
          if ((overflowX === 'hidden' || overflowX === 'clip') && pr.left >= -0.5 && pr.right <= window.innerWidth + 0.5) return true;
        }
        return false;
      };
      if ((r.left < -0.5 || r.right > window.innerWidth + 0.5) && !clipped()) {
        const text = (el.textContent ?? '').trim().slice(0, 40);
        outside.push(
          `<${el.tagName.toLowerCase()} class="${String(el.className).slice(0, 40)}"> ${Math.round(r.left)}..${Math.round(r.right)} "${text}"`,
        );
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, outside };
  });
}

/** For a person to look at: SHIPSHEET_SCREENSHOT_DIR=/tmp/shots npm test -- e2e/pane-layout */
async function screenshot(page: Page, name: string) {
  const dir = process.env.SHIPSHEET_SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: `${dir}/pane-${WIDTH}-${name}.png`, fullPage: true });
}

async function assertFits(page: Page, where: string) {
  const o = await overflow(page);
  assert.ok(o.scrollWidth <= o.clientWidth, `${where}: the pane scrolls sideways (${o.scrollWidth} > ${o.clientWidth})\n${o.outside.join('\n')}`);
  assert.deepEqual(o.outside, [], `${where}: elements outside the pane`);
  assert.deepEqual(await cutTexts(page, 'body'), [], `${where}: texts cut inside their own box`);
}

/**
 * Words drawn over two lines: in English any word (a wrap falls between words unless the box is narrower than
 * one), in Korean the words of a button, a tab, a dropdown's value and a tab group's name (Korean running text
 * may wrap between syllables). Very long tokens (ids, a raw error) may break anywhere.
 */
async function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const el = node.parentElement!;
      if (!el.getClientRects().length) continue;
      const control = el.closest('button, [role=tab], [role=combobox], .ss-tab-group-label');
      // A hyphen is a break a browser may take (re-pull).
      for (const m of text.matchAll(/[^\s-]+/g)) {
        if (m[0].length > 20 || (!control && /[\uac00-\ud7a3]/.test(m[0]))) continue;
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set(Array.from(range.getClientRects(), (r) => (r.width > 0 ? Math.round(r.top) : null)).filter((t) => t !== null));
        if (lines.size > 1) broken.push(`"${m[0]}" in "${text.trim().slice(0, 40)}"`);
      }
    }
    return broken;
  });
}

describe(`task pane at ${WIDTH} px`, skipWith(SKIP_WITHOUT_BROWSER), () => {
  for (const width of [WIDTH, 280, 360])
    it(`every tab fits in Korean and in English at ${width} px, with no sideways scroll and no word broken inside`, async () => {
      const page = await openPane(width);
      for (const lang of ['ko', 'en']) {
        const tabs = page.getByRole('tab');
        const count = await tabs.count();
        assert.ok(count >= 5, `${count} tabs`);
        for (let i = 0; i < count; i++) {
          const tab = tabs.nth(i);
          await tab.click();
          const name = (await tab.textContent()) ?? '';
          await page
            .getByRole('region', { name, exact: true })
            // Panes labelled after their tab are waited for; the others have rendered by the time 2 s have passed.
            .waitFor({ timeout: 2000 })
            .catch(() => undefined);
          await page.waitForTimeout(150);
          await assertFits(page, `${width} px ${lang} tab ${name}`);
          assert.deepEqual(await brokenWords(page), [], `${width} px ${lang} tab ${name}: words broken over two lines`);
          await screenshot(page, `${width}-${lang}-${i}`);
        }
        if (lang === 'ko') await page.getByRole('button', { name: 'English' }).click();
      }
      await page.close();
    });

  it("every Dropdown's clear button is named in the pane's language, not Fluent's English", async () => {
    const page = await openPane();
    const labels = new Set<string>();
    const tabs = page.getByRole('tab');
    for (let i = 0; i < (await tabs.count()); i++) {
      await tabs.nth(i).click();
      await page.waitForTimeout(150);
      for (const label of await page.locator('.fui-Dropdown__clearButton').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? '')))
        labels.add(label);
    }
    assert.deepEqual([...labels], ['선택 지우기']);
    await page.close();
  });

  it('a long server error wraps inside the pane, and 로그아웃 and English stay in view', async () => {
    const page = await openPane();
    // The server answers starting a job with a long message: a sentence and an unbroken 300-character token.
    const long = `작업을 시작할 수 없습니다: ${'쇼핑몰 응답이 없거나 오류가 계속됩니다 '.repeat(6)}${'X'.repeat(300)}`;
    await page.route('**/api/jobs', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 500,
            contentType: 'application/json',
            body: JSON.stringify({ error: { type: 'internal', code: 'internal', message: long } }),
          })
        : route.continue(),
    );
    await page.getByRole('tab', { name: '작업' }).click();
    await page.getByRole('button', { name: '작업 시작' }).click();
    await page.getByTestId('notice').filter({ hasText: 'XXXX' }).first().waitFor();
    await assertFits(page, 'long error');
    for (const name of ['로그아웃', 'English']) {
      const box = await page.getByRole('button', { name }).boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= WIDTH, `${name} at ${JSON.stringify(box)}`);
    }
    await screenshot(page, 'long-error');
    await page.close();
  });
  it('the 파일 tab fits with a file chosen, order uploads and a template open in the editor', async () => {
    const page = await openPane();
    await page.getByRole('tab', { name: '파일' }).click();
    await page.getByRole('radio', { name: '파일 선택' }).check();
    await page.getByRole('radio', { name: '주문 업로드' }).check();
    await page.getByRole('region', { name: '업로드 묶음', exact: true }).waitFor();
    await page.getByRole('combobox', { name: '편집할 템플릿' }).click();
    await page.getByRole('option', { name: /도매·직거래 주문서/ }).click();
    await page.getByLabel('수취인 머리글 (쉼표로 구분)').waitFor();
    await assertFits(page, 'ko 파일 tab, editor open');
    await screenshot(page, 'files-editor');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Recipient Headers (comma separated)').waitFor();
    await assertFits(page, 'en Files tab, editor open');
    await page.close();
  });
  it('the 파일 tab fits with the booking file chosen and the sender form open', async () => {
    const sender = {
      name: '쉽시트상회 온라인 물류센터',
      phone: '1588-1255',
      zip: '06236',
      address1: '서울특별시 강남구 테헤란로 123 쉽시트빌딩',
      address2: '지하 2층 출고장',
    };
    assert.equal((await s.call('PUT', '/api/settings/sender', sender)).status, 200);
    const page = await openPane();
    await page.getByRole('tab', { name: '파일' }).click();
    await page.getByRole('radio', { name: '택배 예약 파일' }).check();
    await page.getByTestId('sender-line').filter({ hasText: '쉽시트상회 온라인 물류센터' }).waitFor();
    await page.getByRole('button', { name: '보내는 분 설정' }).click();
    await page.getByTestId('sender-form').getByRole('button', { name: '저장' }).waitFor();
    await assertFits(page, 'ko 파일 tab, sender form open');
    await screenshot(page, 'files-sender');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Close' }).waitFor();
    await assertFits(page, 'en Files tab, sender form open');
    await page.close();
  });
  it('the 주문 tab fits with the pull-reason prompt open (기타, its words refused) and with the remembered reason shown', async () => {
    const page = await openPane();
    await page.getByRole('tab', { name: '주문', exact: true }).click();
    await page.getByRole('button', { name: '주문 불러오기' }).click();
    const prompt = page.getByRole('group', { name: '사유', exact: true });
    await prompt.getByRole('combobox', { name: '사유' }).click();
    await page.getByRole('option', { name: '기타' }).click();
    await prompt.getByRole('button', { name: '확인하고 불러오기' }).click();
    await prompt.getByText('기타 사유를 적어 주세요.').waitFor();
    await assertFits(page, 'ko 주문 tab, reason prompt with a refusal');
    await screenshot(page, 'orders-reason-prompt');
    // A long reason, remembered: the line naming it and 사유 바꾸기 share one row.
    await prompt.getByLabel('사유 내용').fill('고객센터 요청으로 반품 회수 주소를 확인하기 위해 수취인 정보를 시트로 불러옵니다');
    await prompt.getByRole('button', { name: '확인하고 불러오기' }).click();
    await page.getByRole('button', { name: '사유 바꾸기' }).waitFor();
    await assertFits(page, 'ko 주문 tab, remembered reason');
    await screenshot(page, 'orders-reason-now');
    await page.close();
  });
});

describe('keyboard', skipWith(SKIP_WITHOUT_BROWSER), () => {
  it('a button pressed from the keyboard has the focus again when its work ends (it is disabled meanwhile)', async () => {
    const page = await openPane();
    await page.route('**/api/jobs', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ error: { type: 'unavailable', code: 'busy', message: '잠시 뒤 다시 시도하세요' } }),
      });
    });
    await page.getByRole('tab', { name: '작업' }).click();
    const start = page.getByRole('button', { name: '작업 시작' });
    await start.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('notice').filter({ hasText: '잠시 뒤 다시 시도하세요' }).waitFor();
    assert.equal(await start.evaluate((el) => el === document.activeElement), true, 'the focus is back on 작업 시작');
    // Enter again starts it again: no Tab from the top of the pane.
    await page.keyboard.press('Enter');
    await page.getByRole('progressbar').waitFor();
    await page.close();
  });
});

describe('Enter in a search field', skipWith(SKIP_WITHOUT_BROWSER), () => {
  it('pulls with the filter as 주문 불러오기 does (it did nothing)', async () => {
    const page = await openPane();
    await page.getByRole('tab', { name: '주문', exact: true }).click();
    const search = page.getByRole('region', { name: '주문', exact: true }).getByLabel(/^검색/);
    await search.fill('홍길동');
    await search.press('Enter');
    // The first pull of a session asks why personal data is read: the pull has begun.
    await page.getByRole('group', { name: '사유', exact: true }).waitFor();
    await page.close();
  });
});

describe('작업 tab with nothing to work on', skipWith(SKIP_WITHOUT_BROWSER), () => {
  it('says there is no account to connect (작업 시작 was disabled without a word), and that no job ran yet', async () => {
    const page = await openPane(WIDTH, async (p) => {
      const empty = { status: 200, contentType: 'application/json', body: JSON.stringify({ items: [], next_cursor: null }) };
      await p.route('**/api/mall-accounts', (route) => route.fulfill(empty));
      await p.route('**/api/jobs?*', (route) => (route.request().method() === 'GET' ? route.fulfill(empty) : route.continue()));
    });
    await page.getByRole('tab', { name: '작업', exact: true }).click();
    await page.getByText('연결된 쇼핑몰 계정이 없습니다. 계정 탭에서 연결하세요.').waitFor();
    await page.getByText('아직 작업이 없습니다.').waitFor();
    assert.equal(await page.getByRole('button', { name: '작업 시작' }).isDisabled(), true);
    await assertFits(page, 'ko 작업 tab, no accounts');
    await page.close();
  });
});

describe('the server out of reach at sign-in', skipWith(SKIP_WITHOUT_BROWSER), () => {
  it('a failed read of the mall accounts says so, and 다시 시도 opens 현황 (it stayed blank for the session)', async () => {
    let reads = 0;
    const page = await openPane(WIDTH, (p) =>
      p.route('**/api/mall-accounts', (route) => (reads++ === 0 ? route.abort('connectionrefused') : route.continue())),
    );
    const unread = page.getByTestId('accounts-unread');
    await unread.getByText(/쇼핑몰 계정을 불러오지 못해 현황·작업 탭을 열 수 없습니다\. 서버에 연결할 수 없습니다/).waitFor();
    await assertFits(page, 'accounts unread');
    await unread.getByRole('button', { name: '다시 시도' }).click();
    await page.getByRole('button', { name: '지금 수집' }).waitFor();
    assert.equal(await unread.count(), 0);
    await page.close();
  });
});

describe('지금 수집 when a mall is down', skipWith(SKIP_WITHOUT_BROWSER), () => {
  it('names the account that was not collected and why, in the pane’s language (it said "실패 0건" under a green tick)', async () => {
    await mall.admin.addFaults([{ kind: 'status', status: 500, count: 1000 }]);
    try {
      const page = await openPane();
      await page.getByRole('button', { name: '지금 수집' }).click();
      const notice = page
        .getByTestId('notice')
        .filter({ hasText: '스마트스토어 수집 실패: 네이버 스마트스토어 응답이 없거나 오류가 계속됩니다 (HTTP 500)' });
      await notice.waitFor();
      const text = (await notice.textContent()) ?? '';
      assert.doesNotMatch(text, /수집 끝/, text);
      await page.close();
    } finally {
      await mall.admin.clearFaults();
    }
  });
});

describe('작업 tab defaults', skipWith(SKIP_WITHOUT_BROWSER), () => {
  it('ticks the active mall accounts and leaves a switched-off one unticked', async () => {
    const page = await openPane();
    await page.getByRole('tab', { name: '작업' }).click();
    const region = page.getByRole('region', { name: '작업', exact: true });
    await region.getByRole('checkbox', { name: '스마트스토어' }).waitFor();
    assert.equal(await region.getByRole('checkbox', { name: '스마트스토어' }).isChecked(), true);
    assert.equal(await region.getByRole('checkbox', { name: '쿠팡 (사용 안 함)' }).isChecked(), false);
    // Each label ticks its own box.
    await region.getByText('쿠팡 (사용 안 함)').click();
    assert.equal(await region.getByRole('checkbox', { name: '쿠팡 (사용 안 함)' }).isChecked(), true);
    assert.equal(await region.getByRole('checkbox', { name: '스마트스토어' }).isChecked(), true);
    await page.close();
  });
});
