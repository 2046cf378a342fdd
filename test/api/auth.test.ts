import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

describe('authentication', () => {
  it('health and the OpenAPI document need no token', async () => {
    const health = await s.call('GET', '/api/health', undefined, { token: null });
    assert.equal(health.status, 200);
    assert.equal(health.body.status, 'ok');
    const doc = await s.call('GET', '/api/openapi.json', undefined, { token: null });
    assert.equal(doc.status, 200);
    assert.equal(doc.body.openapi, '3.1.0');
  });

  it('every other route answers 401 without a token, and with a wrong one', async () => {
    const doc = (await s.call('GET', '/api/openapi.json', undefined, { token: null })).body;
    for (const [path, ops] of Object.entries<Record<string, { security: unknown[] }>>(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (op.security.length === 0) continue;
        const concrete = path.replace('/api', '').replace(/\{\w+\}/g, 'x');
        const res = await s.call(method.toUpperCase(), '/api' + concrete, method === 'get' ? undefined : {}, { token: null });
        assert.equal(res.status, 401, `${method} ${path} without token`);
        assert.equal(res.body.error.type, 'unauthorized');
      }
    }
    const wrong = await s.call('GET', '/api/orders', undefined, { token: 'ss_not-a-real-token' });
    assert.equal(wrong.status, 401);
    const inQuery = await s.call('GET', `/api/orders?access_token=${s.adminToken}`, undefined, { token: null });
    assert.equal(inQuery.status, 401, 'a bearer token is never taken from a URL');
    const streamInQuery = await s.call('GET', `/api/jobs/events?access_token=${s.adminToken}`, undefined, { token: null });
    assert.equal(streamInQuery.status, 401, 'not even by the event stream');
  });

  it('login returns a bearer token that works, and logout ends it', async () => {
    const login = await s.call('POST', '/api/auth/login', { username: 'admin', password: 'test-admin-password-1' }, { token: null });
    assert.equal(login.status, 200);
    assert.match(login.body.token, /^ss_/);
    assert.equal(login.body.user.role, 'admin');
    assert.equal(login.body.user.password_hash, undefined);
    const me = await s.call('GET', '/api/auth/me', undefined, { token: login.body.token });
    assert.equal(me.body.username, 'admin');
    assert.equal((await s.call('POST', '/api/auth/logout', undefined, { token: login.body.token })).status, 204);
    assert.equal((await s.call('GET', '/api/auth/me', undefined, { token: login.body.token })).status, 401);
  });

  it('tokens are stored only as hashes', async () => {
    const login = await s.call('POST', '/api/auth/login', { username: 'admin', password: 'test-admin-password-1' }, { token: null });
    const rows = await s.deps.db('api_tokens').select('token_hash');
    assert.ok(rows.length > 0);
    assert.ok(rows.every((r: { token_hash: string }) => !r.token_hash.includes(login.body.token)));
    const dump = JSON.stringify(await s.deps.db('api_tokens').select('*'));
    assert.ok(!dump.includes(login.body.token));
  });

  it("a taken username is a 409 naming the field, in the caller's language", async () => {
    const body = { username: 'taken-once', password: 'taken-password-42', role: 'viewer' };
    assert.equal((await s.call('POST', '/api/users', body)).status, 201);
    const en = await s.call('POST', '/api/users', body);
    assert.equal(en.status, 409);
    assert.deepEqual(en.body.error.details, [{ field: 'username', message: 'Username already taken: taken-once' }]);
    assert.deepEqual([en.body.error.code, en.body.error.message], ['username_taken', 'Username already taken: taken-once']);
    const ko = await s.call('POST', '/api/users', body, { lang: 'ko' });
    assert.equal(ko.body.error.message, '이미 있는 아이디입니다: taken-once');
  });

  it('a wrong password is 401 with a message, and repeated failures are rate-limited with Retry-After', async () => {
    const created = await s.call('POST', '/api/users', { username: 'target', password: 'right-password-1', role: 'operator' });
    assert.equal(created.status, 201);
    for (let i = 0; i < 5; i++) {
      const res = await s.call('POST', '/api/auth/login', { username: 'target', password: 'wrong-' + i }, { token: null });
      assert.equal(res.status, 401);
      assert.equal(res.body.error.code, 'bad_credentials');
    }
    const limited = await s.call('POST', '/api/auth/login', { username: 'target', password: 'right-password-1' }, { token: null });
    assert.equal(limited.status, 429);
    assert.equal(limited.body.error.type, 'rate_limited');
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
    // Attempts, not failures: a burst of right passwords sent at once is held back the same way.
    assert.match(limited.body.error.message, /^Too many sign-in attempts\. Try again in \d+ seconds$/);
    const failures = await s.deps.db('audit_log').where({ action: 'login_failed' }).count({ n: '*' });
    assert.ok(Number(failures[0]!.n) >= 5);
  });

  it('an unknown username fails the same way as a wrong password', async () => {
    const res = await s.call('POST', '/api/auth/login', { username: 'nobody', password: 'whatever-1' }, { token: null });
    assert.equal(res.status, 401);
    assert.equal(res.body.error.code, 'bad_credentials');
  });
});

describe('roles', () => {
  it('viewers read but cannot change anything (403)', async () => {
    const viewer = await s.tokenFor('viewer');
    assert.equal((await s.call('GET', '/api/orders', undefined, { token: viewer })).status, 200);
    const direct = await s.call('POST', '/api/orders/direct', { orderer_name: '홍길동', total_amount: 1000 }, { token: viewer });
    assert.equal(direct.status, 403);
    assert.equal(direct.body.error.type, 'forbidden');
    const bulk = await s.call('POST', '/api/transitions', { action: 'release', items: [{ id: 'ord_x', version: 1 }] }, { token: viewer });
    assert.equal(bulk.status, 403);
  });

  it('operators work orders but cannot manage users or mall accounts', async () => {
    const operator = await s.tokenFor('operator');
    const direct = await s.call('POST', '/api/orders/direct', { orderer_name: '홍길동', total_amount: 1000 }, { token: operator });
    assert.equal(direct.status, 201);
    assert.equal((await s.call('GET', '/api/users', undefined, { token: operator })).status, 403);
    const account = await s.call(
      'POST',
      '/api/mall-accounts',
      { mall_type: 'naver', display_name: 'x', credentials: { client_id: 'a', client_secret: 'b' } },
      { token: operator },
    );
    assert.equal(account.status, 403);
  });

  it('a deactivated user is signed out at once', async () => {
    const token = await s.tokenFor('operator');
    const me = await s.call('GET', '/api/auth/me', undefined, { token });
    const patched = await s.call('PATCH', `/api/users/${me.body.id}`, { active: false });
    assert.equal(patched.status, 200);
    assert.equal((await s.call('GET', '/api/auth/me', undefined, { token })).status, 401);
  });

  it('a user an admin creates with must_change_password replaces the password at the first sign-in', async () => {
    const password = 'Tmp-창고-2026-qz81';
    const made = await s.call('POST', '/api/users', { username: 'packer.kim', password, role: 'operator', must_change_password: true });
    assert.equal(made.status, 201);
    assert.equal(made.body.must_change_password, true);
    const login = await s.call('POST', '/api/auth/login', { username: 'packer.kim', password }, { token: null });
    assert.equal(login.body.password_change_required, true);
    const blocked = await s.call('GET', '/api/orders', undefined, { token: login.body.token });
    assert.equal(blocked.body.error.code, 'password_change_required');
    const plain = await s.call('POST', '/api/users', { username: 'packer.lee', password, role: 'viewer' });
    assert.equal(plain.body.must_change_password, false, 'without it, as before');
  });
});

describe('API tokens', () => {
  it('a long-lived token is shown once, works, is listed without its value, and can be revoked', async () => {
    const created = await s.call('POST', '/api/tokens', { name: 'Excel 작업용 PC' });
    assert.equal(created.status, 201);
    const token = created.body.token as string;
    assert.equal((await s.call('GET', '/api/orders', undefined, { token })).status, 200);
    const list = await s.call('GET', '/api/tokens');
    assert.ok(list.body.items.some((t: { id: string }) => t.id === created.body.id));
    assert.ok(!JSON.stringify(list.body).includes(token));
    assert.equal((await s.call('DELETE', `/api/tokens/${created.body.id}`)).status, 204);
    assert.equal((await s.call('GET', '/api/orders', undefined, { token })).status, 401);
  });
});

describe('first admin', () => {
  it('without SHIPSHEET_ADMIN_PASSWORD a one-time password is made, and must be changed before other work', async () => {
    const fresh = await startTestServer({ SHIPSHEET_ADMIN_PASSWORD: '' });
    try {
      assert.ok(fresh.oneTimePassword && fresh.oneTimePassword.length >= 16);
      const login = await fresh.call('POST', '/api/auth/login', { username: 'admin', password: fresh.oneTimePassword }, { token: null });
      assert.equal(login.status, 200);
      assert.equal(login.body.password_change_required, true);
      const token = login.body.token;
      const blocked = await fresh.call('GET', '/api/orders', undefined, { token });
      assert.equal(blocked.status, 403);
      assert.equal(blocked.body.error.code, 'password_change_required');
      const short = await fresh.call('POST', '/api/auth/password', { current_password: fresh.oneTimePassword, new_password: 'short' }, { token });
      assert.equal(short.status, 400);
      assert.equal(short.body.error.details[0].field, 'new_password');
      const changed = await fresh.call(
        'POST',
        '/api/auth/password',
        { current_password: fresh.oneTimePassword, new_password: 'a-new-password-2026' },
        { token },
      );
      assert.equal(changed.status, 204);
      assert.equal((await fresh.call('GET', '/api/orders', undefined, { token })).status, 200);
      const old = await fresh.call('POST', '/api/auth/login', { username: 'admin', password: fresh.oneTimePassword }, { token: null });
      assert.equal(old.status, 401);
    } finally {
      await fresh.close();
    }
  });
});

describe('guessing limits', () => {
  const wrongLogins = async (server: TestServer, username: string, count: number) => {
    for (let i = 0; i < count; i++) {
      const res = await server.call('POST', '/api/auth/login', { username, password: `wrong-guess-${i}` }, { token: null });
      assert.equal(res.status, 401);
    }
  };

  it('guessing the current password through a password change is limited like sign-in (and shares its count)', async () => {
    const fresh = await startTestServer();
    try {
      await fresh.call('POST', '/api/users', { username: 'guessed', password: 'guessed-password-1', role: 'operator' });
      const token = (await fresh.call('POST', '/api/auth/login', { username: 'guessed', password: 'guessed-password-1' }, { token: null })).body
        .token;
      for (let i = 0; i < 5; i++) {
        const res = await fresh.call(
          'POST',
          '/api/auth/password',
          { current_password: `guess-${i}-xyz`, new_password: 'a-brand-new-secret-9' },
          { token },
        );
        assert.equal(res.status, 400);
        assert.equal(res.body.error.code, 'bad_current_password');
      }
      const limited = await fresh.call(
        'POST',
        '/api/auth/password',
        { current_password: 'guessed-password-1', new_password: 'a-brand-new-secret-9' },
        { token },
      );
      assert.equal(limited.status, 429);
      assert.equal(limited.body.error.type, 'rate_limited');
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
      const login = await fresh.call('POST', '/api/auth/login', { username: 'guessed', password: 'guessed-password-1' }, { token: null });
      assert.equal(login.status, 429, 'the same secret: sign-in shares the budget');
    } finally {
      await fresh.close();
    }
  });

  it('two server instances on one database share the sign-in count', async () => {
    const first = await startTestServer();
    const second = await startTestServer({}, undefined, { reuse: first.store });
    try {
      await first.call('POST', '/api/users', { username: 'twice', password: 'twice-password-77', role: 'viewer' });
      await wrongLogins(first, 'twice', 3);
      await wrongLogins(second, 'twice', 2);
      const onSecond = await second.call('POST', '/api/auth/login', { username: 'twice', password: 'twice-password-77' }, { token: null });
      assert.equal(onSecond.status, 429);
      const onFirst = await first.call('POST', '/api/auth/login', { username: 'twice', password: 'twice-password-77' }, { token: null });
      assert.equal(onFirst.status, 429);
    } finally {
      await second.close();
      await first.close();
    }
  });

  it('a restarted server remembers the failures', async () => {
    const before = await startTestServer();
    await before.call('POST', '/api/users', { username: 'restart', password: 'restart-password-8', role: 'viewer' });
    await wrongLogins(before, 'restart', 5);
    await before.close({ keepData: true });
    const afterRestart = await startTestServer({}, undefined, { reuse: before.store });
    try {
      const res = await afterRestart.call('POST', '/api/auth/login', { username: 'restart', password: 'restart-password-8' }, { token: null });
      assert.equal(res.status, 429);
    } finally {
      await afterRestart.close({ keepData: false });
    }
  });
});

describe('the last admin', () => {
  it('the only active admin cannot be demoted or deactivated (409), and an admin can once another exists', async () => {
    const fresh = await startTestServer();
    try {
      const me = (await fresh.call('GET', '/api/auth/me')).body;
      for (const patch of [{ role: 'operator' }, { active: false }, { role: 'viewer', active: false }]) {
        const res = await fresh.call('PATCH', `/api/users/${me.id}`, patch);
        assert.equal(res.status, 409, JSON.stringify(patch));
        assert.equal(res.body.error.code, 'last_admin');
        assert.match(res.body.error.message, /last active admin/);
      }
      const ko = await fresh.call('PATCH', `/api/users/${me.id}`, { active: false }, { lang: 'ko' });
      assert.match(ko.body.error.message, /마지막 활성 관리자/);
      assert.equal((await fresh.call('GET', '/api/auth/me')).status, 200, 'nothing changed, the session goes on');
      // An inactive admin does not count as one.
      const dormant = await fresh.call('POST', '/api/users', { username: 'dormant', password: 'dormant-password-5', role: 'admin' });
      assert.equal((await fresh.call('PATCH', `/api/users/${dormant.body.id}`, { active: false })).status, 200);
      assert.equal((await fresh.call('PATCH', `/api/users/${me.id}`, { role: 'operator' })).status, 409);
      assert.equal((await fresh.call('PATCH', `/api/users/${dormant.body.id}`, { active: true })).status, 200);
      assert.equal((await fresh.call('PATCH', `/api/users/${me.id}`, { role: 'operator' })).status, 200, 'another admin is active now');
    } finally {
      await fresh.close();
    }
  });

  it('two admins demoting each other at the same moment: one wins, the other is refused', async () => {
    const fresh = await startTestServer();
    try {
      const a = (await fresh.call('GET', '/api/auth/me')).body;
      const b = (await fresh.call('POST', '/api/users', { username: 'second-admin', password: 'second-admin-pass-3', role: 'admin' })).body;
      const bToken = (await fresh.call('POST', '/api/auth/login', { username: 'second-admin', password: 'second-admin-pass-3' }, { token: null }))
        .body.token;
      const results = await Promise.all([
        fresh.call('PATCH', `/api/users/${b.id}`, { role: 'operator' }),
        fresh.call('PATCH', `/api/users/${a.id}`, { active: false }, { token: bToken }),
      ]);
      // The loser is refused by the check (409), or — when the winner committed before the loser's token was
      // even checked — is already signed out (401, the demotion ended its sessions). Never both 200.
      const statuses = results.map((r) => r.status).sort();
      assert.equal(statuses[0], 200);
      assert.ok(statuses[1] === 409 || statuses[1] === 401, String(statuses));
      const admins = await fresh.deps.db('users').where({ role: 'admin', active: true }).count({ n: '*' });
      assert.equal(Number(admins[0]!.n), 1);
    } finally {
      await fresh.close();
    }
  });
});

describe('password strength', () => {
  it('a guessable password is refused wherever it is chosen, saying why (Korean first, English on request)', async () => {
    const fresh = await startTestServer();
    try {
      const weakCreate = await fresh.call('POST', '/api/users', { username: 'minji', password: 'aaaaaaaaaa', role: 'operator' });
      assert.equal(weakCreate.status, 400);
      assert.equal(weakCreate.body.error.code, 'weak_password');
      assert.equal(weakCreate.body.error.details[0].field, 'password');
      assert.match(weakCreate.body.error.message, /too easy to guess: it repeats one character/);
      const ko = await fresh.call('POST', '/api/users', { username: 'minji', password: 'password123', role: 'operator' }, { lang: 'ko' });
      assert.equal(ko.status, 400);
      assert.match(ko.body.error.message, /비밀번호가 너무 쉽습니다: 흔히 쓰이는 비밀번호입니다/);
      const ownName = await fresh.call('POST', '/api/users', { username: 'minji', password: 'minji12345', role: 'operator', display_name: '김민지' });
      assert.match(ownName.body.error.message, /contains the username/);
      const product = await fresh.call('POST', '/api/users', { username: 'minji', password: 'shipsheet2026', role: 'operator' });
      assert.equal(product.status, 400);

      const created = await fresh.call('POST', '/api/users', { username: 'minji', password: 'quiet-harbor-lantern', role: 'operator' });
      assert.equal(created.status, 201);
      const reset = await fresh.call('PATCH', `/api/users/${created.body.id}`, { password: 'qwertyuiop' });
      assert.equal(reset.status, 400);
      assert.equal(reset.body.error.details[0].field, 'password');
      assert.match(reset.body.error.message, /hundred most common/);

      const token = (await fresh.call('POST', '/api/auth/login', { username: 'minji', password: 'quiet-harbor-lantern' }, { token: null })).body
        .token;
      const change = await fresh.call(
        'POST',
        '/api/auth/password',
        { current_password: 'quiet-harbor-lantern', new_password: '1234567890' },
        { token },
      );
      assert.equal(change.status, 400);
      assert.equal(change.body.error.details[0].field, 'new_password');
      assert.equal(change.body.error.code, 'weak_password');
      const strong = await fresh.call(
        'POST',
        '/api/auth/password',
        { current_password: 'quiet-harbor-lantern', new_password: 'copper-meadow-violin' },
        { token },
      );
      assert.equal(strong.status, 204);
    } finally {
      await fresh.close();
    }
  });
});

describe('event stream tickets', () => {
  /** Opens the job event stream with a ticket and reads it until the server ends it. */
  const openStream = async (server: TestServer, ticket: string) => {
    const res = await fetch(`${server.url}/api/jobs/events?ticket=${encodeURIComponent(ticket)}`);
    const ended = (async () => {
      let text = '';
      for await (const chunk of res.body ?? []) text += new TextDecoder().decode(chunk as Uint8Array);
      return text;
    })();
    return { status: res.status, ended };
  };
  const ticketFor = async (server: TestServer, token?: string) => {
    const res = await server.call('POST', '/api/auth/stream-ticket', undefined, token ? { token } : {});
    assert.equal(res.status, 201);
    assert.match(res.body.ticket, /^st_/);
    return res.body.ticket as string;
  };

  it('a ticket opens one stream once, is stored only hashed, and expires', async () => {
    const ticket = await ticketFor(s);
    assert.ok(!JSON.stringify(await s.deps.db('stream_tickets').select('*')).includes(ticket));
    const first = await fetch(`${s.url}/api/jobs/events?ticket=${ticket}`);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    await first.body?.cancel();
    const again = await fetch(`${s.url}/api/jobs/events?ticket=${ticket}`);
    assert.equal(again.status, 401, 'single use');
    assert.equal((await fetch(`${s.url}/api/jobs/events?ticket=st_made-up`)).status, 401);
    const stale = await ticketFor(s);
    await s.deps.db('stream_tickets').update({ expires_at: new Date(Date.now() - 1000).toISOString() });
    assert.equal((await fetch(`${s.url}/api/jobs/events?ticket=${stale}`)).status, 401, 'expired');
    assert.equal((await fetch(`${s.url}/api/orders?ticket=${await ticketFor(s)}`)).status, 401, 'only event streams take tickets');
  });

  it('a ticket of a session that has ended opens nothing', async () => {
    const token = await s.tokenFor('viewer');
    const ticket = await ticketFor(s, token);
    await s.call('POST', '/api/auth/logout', undefined, { token });
    assert.equal((await fetch(`${s.url}/api/jobs/events?ticket=${ticket}`)).status, 401);
  });

  it('an open stream ends at once when its session signs out, its token is revoked or its user deactivated', { timeout: 20_000 }, async () => {
    const token = await s.tokenFor('operator');
    const signOut = await openStream(s, await ticketFor(s, token));
    assert.equal(signOut.status, 200);
    await s.call('POST', '/api/auth/logout', undefined, { token });
    assert.match(await signOut.ended, /event: end/);

    const apiToken = (await s.call('POST', '/api/tokens', { name: 'stream' })).body;
    const revoked = await openStream(s, await ticketFor(s, apiToken.token));
    await s.call('DELETE', `/api/tokens/${apiToken.id}`);
    assert.match(await revoked.ended, /event: end/);

    const userToken = await s.tokenFor('viewer');
    const me = (await s.call('GET', '/api/auth/me', undefined, { token: userToken })).body;
    const disabled = await openStream(s, await ticketFor(s, userToken));
    await s.call('PATCH', `/api/users/${me.id}`, { active: false });
    assert.match(await disabled.ended, /event: end/);
  });

  it('a stream on one instance ends when its session is ended on another (periodic re-check)', { timeout: 30_000 }, async () => {
    const other = await startTestServer({}, undefined, { reuse: s.store });
    try {
      const token = await s.tokenFor('viewer');
      const stream = await openStream(s, await ticketFor(other, token));
      assert.equal(stream.status, 200, 'a ticket from one instance is good on another');
      assert.equal((await other.call('POST', '/api/auth/logout', undefined, { token })).status, 204);
      assert.match(await stream.ended, /event: end/);
    } finally {
      await other.close();
    }
  });
});
