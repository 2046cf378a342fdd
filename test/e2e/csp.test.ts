// The pane under the server's Content-Security-Policy in a real browser: the task pane and the /preview workbench
// load office.js, render Fluent UI (inline styles) and call the API without a single CSP violation.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SKIP_WITHOUT_BROWSER } from '../helpers/browser.ts';
import { skipWith } from '../helpers/skip.ts';
import { e2eSession, signInAsAdmin } from '../helpers/e2e-session.ts';

const e2e = e2eSession();

/** A page that records every CSP violation: the browser's console reports and the DOM's violation events. */
async function watchedPage(): Promise<{ page: Page; violations: string[] }> {
  const page = await e2e.browser.newPage({ viewport: { width: 1400, height: 900 } });
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

describe('content security policy', skipWith(SKIP_WITHOUT_BROWSER), () => {
  it('the task pane loads, signs in and shows its tabs without a CSP violation', async () => {
    const { page, violations } = await watchedPage();
    const res = await page.goto(`${e2e.server.url}/taskpane.html`);
    assert.match(res!.headers()['content-security-policy'] ?? '', /frame-ancestors/);
    await signInAsAdmin(page);
    await page.getByRole('tab', { name: '계정' }).click();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(violations, []);
    await page.close();
  });

  it('the preview workbench (pane beside an in-browser workbook) runs without a CSP violation', async () => {
    const { page, violations } = await watchedPage();
    await page.goto(`${e2e.server.url}/preview`);
    await signInAsAdmin(page);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(violations, []);
    await page.close();
  });
});
