// Connecting a mall from the pane, as an admin does on day one (no API calls by hand): the 계정 tab at 320 px
// connects a Naver sandbox with its application id and secret (a sandbox address, as a proxy would be), the mall is
// asked at once and the card says 정상; keys the mall refuses turn the card to 오류 with the mall's reason, and
// replacing them with the right ones brings it back. A required field left empty is named before anything is sent.
// The form opens under the 쇼핑몰 계정 title, across the tab's width.
import assert from 'node:assert/strict';
import bcrypt from 'bcryptjs';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, it } from 'vitest';
import { startNaverSandbox, type NaverSandbox } from '../../server/sandbox/naver/naver.sandbox.ts';
import { SKIP_WITHOUT_BROWSER } from '../helpers/browser.ts';
import { e2eSession, openWorkbench } from '../helpers/e2e-session.ts';
import { sandboxAdmin } from '../helpers/malls.ts';
import { waitFor } from '../helpers/wait.ts';
import { assertPaneFits, narrowPane } from '../helpers/pane-width.ts';
import { skipWith } from '../helpers/skip.ts';

const e2e = e2eSession();

describe('mall accounts connected from the pane', skipWith(SKIP_WITHOUT_BROWSER), () => {
  let sandbox: NaverSandbox | undefined;
  afterAll(async () => sandbox?.close());

  it('connects a Naver sandbox, shows a refused key as an error, and fixes it by changing the keys', async () => {
    const clientId = `pane${randomBytes(4).toString('hex')}`;
    const clientSecret = bcrypt.genSaltSync(4).replace(/^\$2b\$/, '$2a$');
    sandbox = await startNaverSandbox({ clientId, clientSecret, seed: 11, initialOrders: 0 });
    const { page, pane } = await openWorkbench(e2e);
    await narrowPane(page);
    await pane.getByRole('tab', { name: '계정', exact: true }).click();
    await pane.getByRole('button', { name: '+ 계정 연결' }).click();
    const form = pane.getByRole('group', { name: '쇼핑몰 계정 연결' });
    await form.getByRole('combobox', { name: '쇼핑몰' }).click();
    await page.getByRole('option', { name: '네이버 스마트스토어' }).click();
    await form.getByLabel('계정 이름').fill('스마트스토어 본점');
    await form.getByLabel('애플리케이션 ID').fill(clientId);
    await form.getByLabel('API 주소 (선택: 샌드박스·프록시)').fill(sandbox.url);
    await assertPaneFits(page, 'the 계정 tab with the connect form');
    // The form lies under its title, across the tab's width (it was squeezed beside the title into 200 px).
    const [formBox, sectionBox] = await Promise.all([form.boundingBox(), pane.getByRole('region', { name: '쇼핑몰 계정' }).boundingBox()]);
    assert.ok(formBox && sectionBox && formBox.width >= sectionBox.width - 1, `form ${formBox?.width} px wide in ${sectionBox?.width}`);
    await form.getByRole('button', { name: '연결' }).click();
    await pane.getByText('애플리케이션 시크릿을 입력하세요.').waitFor();
    assert.equal((await e2e.server.call('GET', '/api/mall-accounts')).body.items.length, 0, 'nothing was sent');

    // A wrong secret first: the account is connected, but the mall refuses it.
    await form.getByLabel('애플리케이션 시크릿').fill(bcrypt.genSaltSync(4).replace(/^\$2b\$/, '$2a$'));
    await form.getByRole('button', { name: '연결' }).click();
    await pane.getByText(/"스마트스토어 본점" 계정을 연결했습니다. 연결 확인 결과: 실패/).waitFor();
    const [account] = (await e2e.server.call('GET', '/api/mall-accounts')).body.items;
    assert.equal(account.mall_type, 'naver');
    assert.equal(account.status, 'error');
    const card = pane.locator(`[data-account="${account.id}"]`);
    await card.getByText('오류').waitFor();

    await card.getByRole('button', { name: '키 변경' }).click();
    const keys = card.getByRole('group', { name: '"스마트스토어 본점"의 새 인증 정보' });
    await keys.getByLabel('애플리케이션 ID').fill(clientId);
    await keys.getByLabel('애플리케이션 시크릿').fill(clientSecret);
    await keys.getByRole('button', { name: '키 저장' }).click();
    await pane.getByText(/"스마트스토어 본점"의 인증 정보를 바꿨습니다. 연결 확인 결과: 정상/).waitFor();
    await card.getByText('정상').waitFor();
    await card.getByRole('button', { name: '연결 확인' }).click();
    await pane.getByText(/"스마트스토어 본점": 연결 정상/).waitFor();
    await assertPaneFits(page, 'the 계정 tab');
    const after = (await e2e.server.call('GET', `/api/mall-accounts/${account.id}`)).body;
    assert.equal(after.status, 'normal');
    assert.equal(after.base_url, sandbox.url);
    assert.ok(!JSON.stringify(after).includes(clientSecret), 'the secret is never shown back');

    // A collect the mall refuses (started elsewhere: another operator, the schedule) turns the card to 오류 as the
    // job ends, with nothing clicked here; leaving the tab and coming back reads the accounts afresh as well.
    const mall = sandboxAdmin(sandbox.url);
    await mall.addFaults([{ kind: 'status', status: 401, count: 50 }]);
    const started = await e2e.server.call('POST', '/api/jobs', { type: 'collect', mall_account_ids: [account.id] });
    assert.equal(started.body.items[0].started, true, JSON.stringify(started.body));
    await card.getByText('오류').waitFor();
    await mall.clearFaults();
    await e2e.server.call('POST', `/api/mall-accounts/${account.id}/test`);
    assert.equal((await e2e.server.call('GET', `/api/mall-accounts/${account.id}`)).body.status, 'normal');
    await pane.getByRole('tab', { name: '현황', exact: true }).click();
    await pane.getByRole('tab', { name: '계정', exact: true }).click();
    await card.getByText('정상').waitFor();
    await page.close();
  });

  it('an admin switches a mall service and the whole account off and on from its card (it needed the API)', async () => {
    const [account] = (await e2e.server.call('GET', '/api/mall-accounts')).body.items;
    assert.ok(account, 'the account connected above');
    const { page, pane } = await openWorkbench(e2e);
    await narrowPane(page);
    await pane.getByRole('tab', { name: '계정', exact: true }).click();
    const card = pane.locator(`[data-account="${account.id}"]`);
    const services = card.getByRole('group', { name: `${account.display_name} 연동 기능` });
    const read = async () => (await e2e.server.call('GET', `/api/mall-accounts/${account.id}`)).body;

    await services.getByRole('switch', { name: '주문동기화 (취소·반품·교환·배송)' }).click();
    await card.getByText(`${account.display_name}: 저장했습니다`).waitFor();
    assert.equal((await read()).sync_enabled, false);
    const refused = await e2e.server.call('POST', '/api/jobs', { type: 'sync', mall_account_ids: [account.id] });
    assert.equal(refused.body.items[0].started, false, 'a service switched off does not run');

    await services.getByRole('switch', { name: '계정 사용' }).click();
    await card.getByText('사용 안 함').waitFor();
    await card.getByText(/사용하지 않는 계정/).waitFor();
    assert.equal((await read()).active, false);
    assert.equal(await services.getByRole('switch', { name: '주문 수집' }).isDisabled(), true);
    await assertPaneFits(page, 'the 계정 tab with an account switched off');

    await services.getByRole('switch', { name: '계정 사용' }).click();
    await services.getByRole('switch', { name: '주문동기화 (취소·반품·교환·배송)' }).click();
    await card.getByText('정상').waitFor();
    await waitFor('the account and its sync back on', async () => {
      const now = await read();
      return now.active && now.sync_enabled ? true : undefined;
    });
    await page.close();
  });

  it('a desk whose PC is set to another zone reads the times in Korea (마지막 수집 showed the PC’s hours)', async () => {
    const [account] = (await e2e.server.call('GET', '/api/mall-accounts')).body.items;
    assert.ok(account, 'the account connected above');
    await e2e.server.deps.db('mall_accounts').where({ id: account.id }).update({ last_collected_at: '2026-11-20T15:30:00.000Z' });
    const { page, pane } = await openWorkbench(e2e, { viewport: { width: 1400, height: 900 }, timezoneId: 'America/Los_Angeles' });
    assert.equal(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone), 'America/Los_Angeles');
    await pane.getByRole('tab', { name: '계정', exact: true }).click();
    await pane.locator(`[data-account="${account.id}"]`).getByText('마지막 수집 2026. 11. 21. 오전 12:30').waitFor();
    await page.close();
  });

  it('an admin adds an operator with a one-time password, resets it, and deactivates them', async () => {
    const { page, pane } = await openWorkbench(e2e);
    await narrowPane(page);
    await pane.getByRole('tab', { name: '계정', exact: true }).click();
    await pane.getByRole('button', { name: '+ 사용자 추가' }).click();
    const form = pane.getByRole('group', { name: '+ 사용자 추가' });
    await form.getByLabel('아이디 (영문·숫자 . _ -)').fill('packer.kim');
    await form.getByLabel('이름 (선택)').fill('김포장');
    await assertPaneFits(page, 'the users form');
    await form.getByRole('button', { name: '만들기' }).click();
    const notice = pane.getByText(/"packer.kim"을 만들었습니다. 임시 비밀번호: /);
    await notice.waitFor();
    const password = /임시 비밀번호: (\S+)/.exec((await notice.textContent())!)![1]!;
    const login = await e2e.server.call('POST', '/api/auth/login', { username: 'packer.kim', password }, { token: null });
    assert.equal(login.status, 200);
    assert.equal(login.body.user.role, 'operator');
    assert.equal(login.body.password_change_required, true, 'the one-time password must be replaced first');

    const card = pane.locator('[data-user="packer.kim"]');
    await card.getByRole('button', { name: '비밀번호 초기화' }).click();
    const reset = pane.getByText(/"packer.kim"의 임시 비밀번호: /);
    await reset.waitFor();
    const second = /임시 비밀번호: (\S+)/.exec((await reset.textContent())!)![1]!;
    assert.notEqual(second, password);
    assert.equal((await e2e.server.call('GET', '/api/auth/me', undefined, { token: login.body.token })).status, 401, 'the reset ended their session');
    await card.getByRole('button', { name: '사용 중지' }).click();
    await card.getByText('중지됨').waitFor();
    const users = (await e2e.server.call('GET', '/api/users')).body.items;
    assert.equal(users.find((u: { username: string }) => u.username === 'packer.kim').active, false);
    await assertPaneFits(page, 'the 계정 tab with users');
    await page.close();
  });
});
