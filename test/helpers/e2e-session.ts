// What every end-to-end file needs around its tests: a built pane, one test server and one headless Chromium,
// started before the file's tests and closed after; nothing is started when the browser tests are skipped.
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { SKIP_WITHOUT_BROWSER, buildPane, launchBrowser } from './browser.ts';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from './server.ts';

export type E2eSession = { readonly server: TestServer; readonly browser: Browser };

export function e2eSession(): E2eSession {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (SKIP_WITHOUT_BROWSER) return;
    buildPane();
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('e2e session not started');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('e2e session not started');
      return browser;
    },
  };
}

/** Signs in to the pane on `page` as the test admin and waits for the signed-in header. */
export async function signInAsAdmin(page: Page): Promise<void> {
  await page.getByLabel('아이디').fill('admin');
  await page.getByLabel('비밀번호').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.getByText('admin (관리자)').waitFor();
  // The pane opens on 현황; the tests written before it start where the pane used to open, on 주문.
  await page.getByRole('tab', { name: '주문', exact: true }).click();
}

/**
 * A new page on the preview workbench (`/preview`: the pane beside an in-browser workbook), signed in as the test
 * admin, and the pane on it. `options` as for browser.newPage (a viewport, acceptDownloads).
 */
export async function openWorkbench(
  session: E2eSession,
  options: BrowserContextOptions = { viewport: { width: 1400, height: 900 } },
): Promise<{ page: Page; pane: Locator }> {
  const page = await session.browser.newPage(options);
  page.setDefaultTimeout(30_000);
  await page.goto(`${session.server.url}/preview`);
  await signInAsAdmin(page);
  return { page, pane: page.getByRole('complementary', { name: 'ShipSheet' }) };
}
