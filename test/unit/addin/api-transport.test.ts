// The pane's one transport (addin/src/api/client.ts) against a real HTTP server: the bearer token and the pane's
// language go out, the server's error body comes back as an ApiError with its message (no answer at all, or a proxy's
// HTML page, as one in the pane's language), and a 401 to a call that sent a token tells the pane its session is over
// (once per refusal); a refused sign-in (no token sent) does not.
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { signIn } from '../../../addin/src/api/auth.ts';
import { ApiError, createApi, fileNameOf } from '../../../addin/src/api/client.ts';
import { exportBooking } from '../../../addin/src/api/exports.ts';
import { getJob } from '../../../addin/src/api/jobs.ts';

const seen: IncomingHttpHeaders[] = [];
const server = createServer((req, res) => {
  seen.push(req.headers);
  if (req.url === '/api/exports/booking' && req.headers.authorization === 'Bearer live') {
    // As server/http/download.ts names a file: an ASCII fallback and the UTF-8 name.
    res.setHeader('content-type', 'text/csv; charset=cp949');
    res.setHeader(
      'content-disposition',
      `attachment; filename="CJ_____20261126-0930.csv"; filename*=UTF-8''${encodeURIComponent('CJ대한통운_택배예약_20261126-0930.csv')}`,
    );
    res.end(Buffer.from([0xc8, 0xab, 0x2c, 0x31, 0x0a]));
    return;
  }
  if (req.url === '/api/jobs/behind-proxy') {
    // A reverse proxy's own page while the server restarts: HTML, not the server's JSON.
    res.statusCode = 502;
    res.setHeader('content-type', 'text/html');
    res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
    return;
  }
  res.setHeader('content-type', 'application/json');
  if (req.headers.authorization === 'Bearer live' && req.url === '/api/jobs/job_1') {
    res.end(JSON.stringify({ id: 'job_1', state: 'running' }));
    return;
  }
  res.statusCode = 401;
  const code = req.url === '/api/auth/login' ? 'bad_credentials' : 'unauthorized';
  res.end(JSON.stringify({ error: { type: 'unauthorized', code, message: `거부: ${code}` } }));
});
let base = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

describe('pane API transport', () => {
  it('sends the token and language; a 401 to a call with a token ends the session, once, and still throws', async () => {
    let ended = 0;
    const live = createApi('live', 'ko', { base, onUnauthorized: () => ended++ });
    assert.equal((await getJob(live, 'job_1')).id, 'job_1');
    assert.equal(seen.at(-1)!.authorization, 'Bearer live');
    assert.equal(seen.at(-1)!['accept-language'], 'ko');
    assert.equal(ended, 0);

    const expired = createApi('expired', 'ko', { base, onUnauthorized: () => ended++ });
    await assert.rejects(getJob(expired, 'job_1'), (e: unknown) => e instanceof ApiError && e.status === 401 && e.message === '거부: unauthorized');
    assert.equal(ended, 1);
  });

  it('a refused sign-in (no token sent) is the form’s error, not a session ending', async () => {
    let ended = 0;
    const anonymous = createApi(null, 'en', { base, onUnauthorized: () => ended++ });
    await assert.rejects(signIn(anonymous, { username: 'u', password: 'p' }), (e: unknown) => e instanceof ApiError && e.code === 'bad_credentials');
    assert.equal(seen.at(-1)!.authorization, undefined);
    assert.equal(ended, 0);
  });

  it('a download answers the bytes and the Korean file name; a refused one is an ApiError like any other', async () => {
    const live = createApi('live', 'ko', { base });
    const file = await exportBooking(live, { template: 'cj', format: 'csv', encoding: 'cp949', reason: 'shipping' });
    assert.equal(file.fileName, 'CJ대한통운_택배예약_20261126-0930.csv');
    assert.deepEqual([...new Uint8Array(await file.blob.arrayBuffer())], [0xc8, 0xab, 0x2c, 0x31, 0x0a]);
    const expired = createApi('expired', 'ko', { base });
    await assert.rejects(
      exportBooking(expired, { template: 'cj', format: 'xlsx', reason: 'shipping' }),
      (e: unknown) => e instanceof ApiError && e.status === 401,
    );
  });

  it('no answer, or one not in the server’s shape, is an ApiError in the pane’s language, not the browser’s English', async () => {
    // A port nothing listens on: fetch itself rejects ("Failed to fetch" in a browser, "fetch failed" in Node).
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadBase = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    for (const [lang, words] of [
      ['ko', '서버에 연결할 수 없습니다'],
      ['en', 'Cannot reach the ShipSheet server'],
    ] as const) {
      await assert.rejects(
        getJob(createApi('live', lang, { base: deadBase }), 'job_1'),
        (e: unknown) => e instanceof ApiError && e.code === 'unreachable' && e.status === 0 && e.message.startsWith(words),
      );
    }
    await assert.rejects(
      getJob(createApi('live', 'ko', { base }), 'behind-proxy'),
      (e: unknown) => e instanceof ApiError && e.status === 502 && e.message === '서버 응답을 읽을 수 없습니다 (HTTP 502). 잠시 뒤 다시 시도하세요.',
    );
  });

  it('file names: the UTF-8 form first, then the plain one, never a path', () => {
    assert.equal(fileNameOf(`attachment; filename="a.xlsx"; filename*=UTF-8''%EC%A3%BC%EB%AC%B8%EB%AA%A9%EB%A1%9D.xlsx`), '주문목록.xlsx');
    assert.equal(fileNameOf('attachment; filename="order-lines.csv"'), 'order-lines.csv');
    assert.equal(fileNameOf('attachment; filename=plain.csv'), 'plain.csv');
    assert.equal(fileNameOf(`attachment; filename*=UTF-8''..%2F..%2Fevil.xlsx`), '.._.._evil.xlsx');
    assert.equal(fileNameOf(`attachment; filename="ok.xlsx"; filename*=UTF-8''%E0%A4%A`), 'ok.xlsx', 'a broken encoding falls back');
    assert.equal(fileNameOf(null), 'download');
  });
});
