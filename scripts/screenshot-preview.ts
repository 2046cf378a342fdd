// Makes the README's screenshot (docs/preview.png): a server with a sandbox mall, the preview workbench in headless
// Chromium, orders collected and pulled into the sheet, a courier and two tracking numbers pushed.
// Run: node --import tsx scripts/screenshot-preview.ts  (needs fonts-nanum for Korean glyphs).
import { buildPane, launchBrowser } from '../test/helpers/browser.ts';
import { naverMall, runJob } from '../test/helpers/malls.ts';
import { ADMIN_PASSWORD, startTestServer } from '../test/helpers/server.ts';

buildPane();
const s = await startTestServer();
const mall = await naverMall(s, { initialOrders: 40, seed: 11 });
await runJob(s, 'collect', mall.accountId);
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  await page.goto(`${s.url}/preview`);
  await page.getByLabel('아이디').fill('admin');
  await page.getByLabel('비밀번호').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.getByRole('button', { name: '주문 불러오기' }).click();
  await page.getByText(/행을 불러왔습니다/).waitFor();
  await page.locator('[data-row-header="2"]').click();
  await page.screenshot({ path: 'docs/preview.png' });
  console.log('wrote docs/preview.png');
} finally {
  await browser.close();
  await mall.sandbox.close();
  await s.close();
}
