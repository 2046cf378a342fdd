// The pane under the server's Content-Security-Policy in a real browser: the task pane and the /preview workbench
// load office.js, render Fluent UI (inline styles) and call the API without a single CSP violation.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { buildPane, launchBrowser } from '../helpers/browser.ts';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
let browser: Browser;

before(async () => {
  buildPane();
  s = await startTestServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await s?.close();
});

/** A page that records every CSP violation: the browser's console reports and the DOM's violation events. */
async function watchedPage(): Promise<{ page: Page; violations: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(30_000);
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (globalThis as any).reportViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`);
    });
  });
  return { page, violations };
}

async function signIn(page: Page) {
  await page.getByLabel('아이디').fill('admin');
  await page.getByLabel('비밀번호').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.getByText('admin (admin)').waitFor();
}

describe('content security policy', () => {
  it('the task pane loads, signs in and shows its tabs without a CSP violation', async () => {
    const { page, violations } = await watchedPage();
    const res = await page.goto(`${s.url}/taskpane.html`);
    assert.match(res!.headers()['content-security-policy'] ?? '', /frame-ancestors/);
    await signIn(page);
    await page.getByRole('tab', { name: '계정' }).click();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(violations, []);
    await page.close();
  });

  it('the preview workbench (pane beside an in-browser workbook) runs without a CSP violation', async () => {
    const { page, violations } = await watchedPage();
    await page.goto(`${s.url}/preview`);
    await signIn(page);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(violations, []);
    await page.close();
  });
});
