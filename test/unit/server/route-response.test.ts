// The response contract: in test mode every answer is held to its route's declared schema (server/http/route.ts).
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'vitest';
import express from 'express';
import { z } from 'zod';
import { errorHandler } from '../../../server/http/error-handler.ts';
import { checkResponse, mountRoutes, route, type RouteSpec } from '../../../server/http/route.ts';
import { createLogger } from '../../../server/log.ts';

const spec = (response: RouteSpec['response'], answer: unknown) =>
  route({ method: 'get', path: '/thing', tag: 't', summary: 's', access: 'public', response, handler: async () => answer });
const thing = z.object({ id: z.string(), count: z.number().int(), at: z.string().nullable() });

describe('checkResponse', () => {
  it('accepts an answer that matches its schema, as the client receives it (JSON)', () => {
    checkResponse(spec(thing, {}), { id: 'a', count: 1, at: null });
    // undefined fields are not sent, a Date is sent as text
    checkResponse(spec(thing, {}), { id: 'a', count: 1, at: new Date(0), gone: undefined });
    checkResponse(spec('empty', {}), undefined);
  });

  it('refuses a wrong type naming the field, never its value', () => {
    assert.throws(
      () => checkResponse(spec(thing, {}), { id: 'secret-value', count: '1', at: null }),
      (e: Error) => /GET \/api\/thing/.test(e.message) && /count: /.test(e.message) && !e.message.includes('secret-value'),
    );
  });

  it('refuses a field the schema does not declare, nested too', () => {
    assert.throws(() => checkResponse(spec(thing, {}), { id: 'a', count: 1, at: null, extra: 'x' }), /extra: not declared/);
    const list = z.object({ items: z.array(thing) });
    assert.throws(
      () =>
        checkResponse(spec(list, {}), {
          items: [
            { id: 'a', count: 1, at: null },
            { id: 'b', count: 2, at: null, line_id: 'l' },
          ],
        }),
      /items\.1\.line_id: not declared/,
    );
  });

  it('refuses a body where none is declared and no body where one is', () => {
    assert.throws(() => checkResponse(spec('empty', {}), { ok: true }), /declared empty/);
    assert.throws(() => checkResponse(spec(thing, {}), undefined), /answered no body/);
  });
});

describe('mountRoutes with response checks', () => {
  async function serve(validateResponses: boolean, answer: unknown) {
    const lines: string[] = [];
    const app = express();
    app.use((_req, res, next) => {
      res.locals.info = { requestId: 'req-1', lang: 'en', ip: '127.0.0.1' };
      next();
    });
    const router = express.Router();
    mountRoutes(
      router,
      [spec(thing, answer)],
      async () => ({ type: 'system', id: null }),
      async () => {},
      { validateResponses },
    );
    app.use('/api', router);
    app.use(errorHandler(createLogger('error', (l) => lines.push(l))));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/thing`);
    const body = await res.json();
    server.close();
    return { status: res.status, body, lines };
  }

  it('a mismatching answer is a 500 without internals, its cause in the log', async () => {
    const bad = { id: 'a', count: 1, at: null, recipient_name: '홍길동' };
    const checked = await serve(true, bad);
    assert.equal(checked.status, 500);
    assert.ok(!JSON.stringify(checked.body).includes('recipient_name'));
    const logged = checked.lines.join('\n');
    assert.match(logged, /GET \/api\/thing does not match its schema: recipient_name: not declared/);
    assert.ok(!logged.includes('홍길동'));
    // Off (production): the answer goes out as the handler made it.
    assert.deepEqual((await serve(false, bad)).body, bad);
  });
});
