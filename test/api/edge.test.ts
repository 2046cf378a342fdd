// What the edge of the server refuses or adds before any handler runs: NUL characters, bodies of callers without a
// token, and the security headers every answer carries.
import assert from 'node:assert/strict';
import http from 'node:http';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { fieldLabel } from '../../shared/api/field-labels.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

/** A request with any method and body (fetch refuses a GET with a body); resolves with status and JSON body. */
function send(method: string, path: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      s.url + path,
      { method, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : null });
        });
      },
    );
    // The server may answer (and close) before it has read the whole body; that is the point.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    req.end(body);
  });
}

/** Whether a refusal's message is led by the field, in either language (a raw request asks for none: Korean). */
const namesField = (text: string, field: string) => Object.values(fieldLabel(field)).some((name) => text.startsWith(`${name}: `));

function assertNulRefused(res: { status: number; body: any }, field: string) {
  assert.equal(res.status, 400, JSON.stringify(res.body));
  assert.equal(res.body.error.code, 'nul_character');
  assert.equal(res.body.error.details[0].field, field);
  assert.ok(namesField(res.body.error.message, field), res.body.error.message);
}

describe('NUL characters', () => {
  it('in the login body, without a token, is a 400 naming the field', async () => {
    assertNulRefused(await s.call('POST', '/api/auth/login', { username: 'ad\u0000min', password: 'x' }, { token: null }), 'username');
  });

  it('anywhere in a nested body is a 400 naming its path', async () => {
    const res = await s.call('POST', '/api/transitions', {
      action: 'release',
      items: [
        { id: 'lin_1', version: 1 },
        { id: 'lin_\u00002', version: 1 },
      ],
    });
    assertNulRefused(res, 'items.1.id');
    const note = await s.call('POST', '/api/orders/ord_x/notes', { body: 'memo \u0000' });
    assertNulRefused(note, 'body');
    const key = await s.call('POST', '/api/orders/direct', { orderer_name: 'a', total_amount: 1, ['x\u0000']: 1 });
    assert.equal(key.status, 400);
    assert.equal(key.body.error.code, 'nul_character');
  });

  it('in a query is a 400 naming the parameter (q=%00 on the lines view)', async () => {
    assertNulRefused(await s.call('GET', '/api/order-lines?q=%00'), 'q');
    assertNulRefused(await s.call('GET', '/api/orders?q=abc%00def'), 'q');
    assertNulRefused(await s.call('GET', '/api/nothing-here?x=%00'), 'x');
  });

  it('in a body sent in UTF-16 or UTF-32 (whose bytes do not spell \\u0000 in ASCII) is a 400 too', async () => {
    const utf32le = (text: string) =>
      Buffer.concat(
        [...text].map((c) => {
          const b = Buffer.alloc(4);
          b.writeUInt32LE(c.codePointAt(0)!);
          return b;
        }),
      );
    const bodies: [string, Buffer][] = [
      ['utf-16le', Buffer.from(JSON.stringify({ orderer_name: 'x\u0000y', total_amount: 1 }), 'utf16le')],
      ['utf-16be', Buffer.from(JSON.stringify({ orderer_name: 'x\u0000y', total_amount: 1 }), 'utf16le').swap16()],
      ['utf-32le', utf32le(JSON.stringify({ orderer_name: 'x\u0000y', total_amount: 1 }))],
    ];
    for (const [charset, body] of bodies) {
      const res = await send('POST', '/api/orders/direct', body, {
        'content-type': `application/json; charset=${charset}`,
        authorization: `Bearer ${s.adminToken}`,
      });
      assertNulRefused(res, 'orderer_name');
    }
    const login = await send('POST', '/api/auth/login', Buffer.from(JSON.stringify({ username: 'ad\u0000min', password: 'x' }), 'utf16le'), {
      'content-type': 'application/json; charset=UTF-16LE',
    });
    assertNulRefused(login, 'username');
    // The same body without the NUL is read as usual.
    const clean = await send('POST', '/api/orders/direct', Buffer.from(JSON.stringify({ orderer_name: 'utf16 주문', total_amount: 1 }), 'utf16le'), {
      'content-type': 'application/json; charset=utf-16le',
      authorization: `Bearer ${s.adminToken}`,
    });
    assert.equal(clean.status, 201, JSON.stringify(clean.body));
    assert.equal(clean.body.orderer_name, 'utf16 주문');
  });

  it('in a path, of a known route or not, is a 400', async () => {
    assertNulRefused(await s.call('GET', '/api/orders/ord_%00'), 'path');
    assertNulRefused(await s.call('POST', '/api/orders/ord_%00/notes', { body: 'x' }), 'path');
    assertNulRefused(await s.call('GET', '/api/nothing%00here', undefined, { token: null }), 'path');
    assertNulRefused(await s.call('GET', '/pane%00.html', undefined, { token: null }), 'path');
  });
});

describe('requests refused before they are routed', () => {
  it('a URL over Node’s header limit is a 431 with the error body, not a bare status line', async () => {
    const res = await s.call('GET', `/api/orders?q=${'a'.repeat(20_000)}`, undefined, { token: null });
    assert.equal(res.status, 431);
    assert.equal(res.body.error.code, 'headers_too_large');
    assert.match(res.body.error.message, /^요청 주소나 헤더가 너무 깁니다 \(최대 16 KB\)/);
    assert.match(res.body.error.request_id, /^[\w-]{36}$/);
  });

  it('a path parameter whose %-escape does not decode is a 400 naming the path', async () => {
    const res = await s.call('GET', '/api/orders/ord_%FF', undefined, { lang: 'ko' });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'bad_path');
    assert.deepEqual(
      res.body.error.details.map((d: { field: string }) => d.field),
      ['path'],
    );
    assert.equal(res.body.error.message, '요청 경로: 주소에 풀 수 없는 %인코딩이 있습니다 (ord_%FF)');
    const en = await s.call('GET', '/api/orders/ord_%FF');
    assert.equal(en.body.error.message, 'path: holds a %-escape that does not decode (ord_%FF)');
  });
});

describe('unpaired UTF-16 surrogates', () => {
  // JSON can spell half of a surrogate pair ("\ud800"); no database stores one (both drivers wrote U+FFFD instead,
  // so the value read back was not the value sent) and a file name holding one made the result download a 500.
  function assertSurrogateRefused(res: { status: number; body: any }, field: string) {
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.equal(res.body.error.code, 'lone_surrogate');
    assert.equal(res.body.error.details[0].field, field);
    assert.ok(namesField(res.body.error.message, field), res.body.error.message);
  }

  it('in any body field is a 400 naming it, and nothing is written', async () => {
    const before = await s.call('GET', '/api/orders?q=surrogate-check');
    assertSurrogateRefused(await s.call('POST', '/api/orders/direct', { orderer_name: 'surrogate-check \ud800', total_amount: 1 }), 'orderer_name');
    assertSurrogateRefused(
      await s.call('POST', '/api/orders/direct', { orderer_name: 'surrogate-check', memo: '\udc00끝', total_amount: 1 }),
      'memo',
    );
    const after = await s.call('GET', '/api/orders?q=surrogate-check');
    assert.equal(after.body.items.length, before.body.items.length);
    const file = await s.call('POST', '/api/invoice-imports/preview/result.xlsx', {
      source: { kind: 'sheet', name: '운송장 \ud83d', rows: [['고객주문번호', '운송장번호']] },
      template_id: 'invoice_cj',
    });
    assertSurrogateRefused(file, 'source.name');
    // The same body through a UTF-16 charset, whose bytes never spell the escape.
    const utf16 = await send('POST', '/api/orders/direct', Buffer.from(JSON.stringify({ orderer_name: 'x\udfffy', total_amount: 1 }), 'utf16le'), {
      'content-type': 'application/json; charset=utf-16le',
      authorization: `Bearer ${s.adminToken}`,
    });
    assertSurrogateRefused(utf16, 'orderer_name');
  });

  it('a whole pair, escaped or not, is an ordinary character', async () => {
    const res = await s.call('POST', '/api/orders/direct', undefined, { raw: '{"orderer_name":"이모지 \\ud83d\\ude00 😀","total_amount":1}' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.orderer_name, '이모지 😀 😀');
  });
});

describe('bodies sent as another type', () => {
  // fetch sends a string body as text/plain when no type is given; the JSON parser left such a body unread, and the
  // route took it as `{}`: a PUT of the allocation settings answered 200 and put back the defaults.
  it('a non-empty body that is not JSON is a 415 naming content-type, and nothing is written', async () => {
    const settings = { allocate_held: true, channel_priority: ['쿠팡', '네이버'] };
    assert.equal((await s.call('PUT', '/api/allocation/settings', settings)).status, 200);
    const json = JSON.stringify({ allocate_held: false, channel_priority: [] });
    for (const type of ['text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'application/vnd.api+json', '']) {
      const res = await send('PUT', '/api/allocation/settings', json, { 'content-type': type, authorization: `Bearer ${s.adminToken}` });
      assert.equal(res.status, 415, `${type}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.code, 'unsupported_content_type');
      assert.equal(res.body.error.details[0].field, 'content-type');
      if (type) assert.ok(res.body.error.message.includes(type), res.body.error.message);
    }
    assert.deepEqual((await s.call('GET', '/api/allocation/settings')).body, settings);
  });

  it('an empty body of any type is no body, and a JSON type with parameters is JSON', async () => {
    const empty = await send('POST', '/api/tokens', '', { 'content-type': 'text/plain', authorization: `Bearer ${s.adminToken}` });
    assert.equal(empty.status, 400, JSON.stringify(empty.body));
    assert.equal(empty.body.error.details[0].field, 'name');
    const layout = JSON.stringify({ columns: [{ id: 'status', width: 60 }] });
    const typed = await send('PUT', '/api/me/sheet-layouts/orders', layout, {
      'content-type': 'Application/JSON; charset=utf-8',
      authorization: `Bearer ${s.adminToken}`,
    });
    assert.equal(typed.status, 200, JSON.stringify(typed.body));
  });
});

describe('fields a body schema does not declare', () => {
  // zod drops them: a misspelt recipient_mobil made a direct order without its mobile, answered 201.
  it('are refused naming each one (nested ones by path), and nothing is written', async () => {
    const before = await s.deps.db('orders').count({ n: '*' });
    const res = await s.call(
      'POST',
      '/api/orders/direct',
      {
        orderer_name: '김주문',
        recipient_name: '이수령',
        recipient_mobil: '010-1111-2222',
        recipient_address1: '서울 강남구 테헤란로 1',
        recipient_zip: '06236',
        product_name: '텀블러',
        total_amount: 10000,
      },
      { lang: 'en' },
    );
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.equal(res.body.error.details[0].field, 'recipient_mobil');
    assert.equal(res.body.error.details[0].code, 'unrecognized_keys');
    assert.match(res.body.error.message, /recipient_mobil: unknown field/);
    assert.deepEqual(await s.deps.db('orders').count({ n: '*' }), before);
    const nested = await s.call('PUT', '/api/me/sheet-layouts/orders', { columns: [{ id: 'status', width: 60, widht: 80 }] });
    assert.equal(nested.status, 400, JSON.stringify(nested.body));
    assert.equal(nested.body.error.details[0].field, 'columns.0.widht');
  });

  it('a misspelt query parameter is refused naming it, not dropped (every row answered)', async () => {
    const res = await s.call('GET', '/api/order-lines?statsu=PAID', undefined, { lang: 'en' });
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.error.details.map((d: { field: string; code: string }) => [d.field, d.code]),
      [['statsu', 'unrecognized_keys']],
    );
    assert.match(res.body.error.message, /statsu: unknown field/);
    // A route that takes no query at all refuses one too; a declared parameter goes through.
    assert.equal((await s.call('GET', '/api/mall-accounts?bogus=1')).status, 400);
    assert.equal((await s.call('GET', '/api/order-lines?status=PAID')).status, 200);
  });
});

describe('bodies before authentication', () => {
  // Malformed JSON would be a 400 bad_json if the server parsed it: a 401 (or a success) shows it did not.
  const malformed = '{"a": [' + '[1,'.repeat(200_000) + 'oops';

  it('a GET with a large body and no token is a 401, its body never parsed', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024, ' ');
    big.write(malformed);
    const res = await send('GET', '/api/orders', big);
    assert.equal(res.status, 401);
  });

  it('a GET body is not parsed even with a token', async () => {
    const res = await send('GET', '/api/orders', malformed, { authorization: `Bearer ${s.adminToken}` });
    assert.equal(res.status, 200);
  });

  it('a POST body without a token is not parsed, on any non-public route', async () => {
    for (const path of ['/api/transitions', '/api/orders/direct', '/api/users', '/api/sheet/push', '/api/auth/password']) {
      const res = await send('POST', path, malformed);
      assert.equal(res.status, 401, path);
    }
    const badToken = await send('POST', '/api/transitions', malformed, { authorization: 'Bearer nope' });
    assert.equal(badToken.status, 401);
  });

  it('a public route and an authenticated caller still get their body parsed', async () => {
    assert.equal((await send('POST', '/api/auth/login', malformed)).body.error.code, 'bad_json');
    assert.equal((await send('POST', '/api/transitions', malformed, { authorization: `Bearer ${s.adminToken}` })).body.error.code, 'bad_json');
  });

  it('health answers while a 10 MB body without a token is being sent', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024, ' ');
    big.write(malformed);
    const pending = send('GET', '/api/orders', big);
    const health = await s.call('GET', '/api/health', undefined, { token: null });
    assert.equal(health.status, 200);
    assert.equal((await pending).status, 401);
  });
});

describe('security headers and compression', () => {
  it('every answer carries the security headers; the CSP lets Office frame the pane and X-Frame-Options does not block it', async () => {
    for (const path of ['/api/health', '/api/nothing-here', '/taskpane.html', '/office-js/office.js']) {
      const res = await fetch(s.url + path);
      await res.arrayBuffer();
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /frame-ancestors 'self' https:\/\/\*\.officeapps\.live\.com [^;]*https:\/\/\*\.sharepoint\.com/, path);
      assert.match(csp, /style-src 'self' 'unsafe-inline'/, path);
      assert.match(csp, /script-src 'self'(;|$)/, path);
      assert.equal(res.headers.get('x-frame-options'), null, path);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
      assert.match(res.headers.get('strict-transport-security') ?? '', /max-age=\d+/, path);
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer', path);
    }
  });

  it('every /api answer is no-store without an ETag, errors included; the pane keeps its own caching', async () => {
    for (const [path, token] of [
      ['/api/health', null],
      ['/api/orders', s.adminToken],
      ['/api/orders', null],
      ['/api/nothing', null],
    ] as const) {
      const res = await s.call('GET', path, undefined, { token });
      assert.equal(res.headers.get('cache-control'), 'no-store', `${path} ${res.status}`);
      // Never revalidated, so no ETag (Express would hash every whole body for one).
      assert.equal(res.headers.get('etag'), null, `${path} ${res.status}`);
    }
    const pane = await fetch(s.url + '/office-js/office.js');
    await pane.arrayBuffer();
    assert.notEqual(pane.headers.get('cache-control'), 'no-store');
    assert.ok(pane.headers.get('etag'), 'the pane keeps its ETag');
  });

  it('API answers are compressed for clients that accept it', async () => {
    await s.call('POST', '/api/orders/direct', { orderer_name: '압축', total_amount: 1000, quantity: 40 });
    const res = await fetch(s.url + '/api/order-lines?limit=100', {
      headers: { authorization: `Bearer ${s.adminToken}`, 'accept-encoding': 'gzip' },
    });
    assert.equal(res.headers.get('content-encoding'), 'gzip');
    assert.ok((await res.json()).items.length >= 40);
  });

  it('the event stream is not compressed: its first bytes arrive while it stays open', async () => {
    const abort = new AbortController();
    // Only a liveness guard: a compressed (buffered) stream would send nothing at all.
    const guard = setTimeout(() => abort.abort(), 10_000);
    try {
      const stream = await fetch(`${s.url}/api/jobs/events`, {
        headers: { authorization: `Bearer ${s.adminToken}`, 'accept-encoding': 'gzip, br' },
        signal: abort.signal,
      });
      assert.equal(stream.headers.get('content-encoding'), null);
      const { value } = await stream.body!.getReader().read();
      assert.match(new TextDecoder().decode(value), /: connected/);
    } finally {
      clearTimeout(guard);
      abort.abort();
    }
  });
});
