// The server's words are codes with parameters below the HTTP edge; the edge renders them in the caller's language
// (server/http/render.ts). The same code comes out in Korean or English depending only on who asks.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, it } from 'vitest';
import express from 'express';
import { z } from 'zod';
import { createUserBody } from '../../../shared/api/auth.schema.ts';
import { API_ACTION_LABELS } from '../../../shared/api/orders.schema.ts';
import { SCHEMA_TEXTS } from '../../../shared/api/schema-texts.ts';
import { AppError } from '../../../shared/errors.ts';
import { isMessage, message, pickLang, readStoredText, render, storedText } from '../../../shared/i18n.ts';
import { STATUS_LABELS } from '../../../shared/lifecycle.ts';
import { fieldError, manyProblems, parseWith } from '../../../server/domain/validation.ts';
import { errorHandler } from '../../../server/http/error-handler.ts';
import { errorBody, eventData, rendered, toJson } from '../../../server/http/render.ts';
import { mountRoutes, route } from '../../../server/http/route.ts';
import { jobsMessages } from '../../../server/jobs/jobs.messages.ts';
import { createLogger } from '../../../server/log.ts';
import { ordersMessages } from '../../../server/modules/orders/orders.messages.ts';

const missingReason = message(ordersMessages.param_required, { field: 'items.0.reason', action: API_ACTION_LABELS.hold });

describe('rendering at the edge', () => {
  it('renders the same code in Korean and in English, labels and nested messages included', () => {
    const answer = { results: [{ id: 'lin_1', code: 'x', message: missingReason }], count: 1 };
    assert.deepEqual(rendered(answer, 'ko'), {
      results: [{ id: 'lin_1', code: 'x', message: 'items.0.reason: 출고보류에 필요한 값입니다' }],
      count: 1,
    });
    assert.deepEqual(rendered(answer, 'en'), { results: [{ id: 'lin_1', code: 'x', message: 'items.0.reason: required for Hold' }], count: 1 });
    // A list of labels is joined; a Message inside a Message is rendered in the same language.
    const nested = message(jobsMessages.mismatch, { mall: STATUS_LABELS.CANCELED, detail: missingReason });
    assert.match(toJson({ m: nested }, 'en'), /Canceled.*required for Hold/);
    assert.match(toJson({ m: nested }, 'ko'), /출고보류에 필요한 값입니다/);
    // A plain string (the mall's own words) reads the same in both.
    assert.equal(toJson({ m: 'HTTP 503' }, 'en'), toJson({ m: 'HTTP 503' }, 'ko'));
  });

  it('an answer without Messages is plain JSON, whatever its strings spell; a Message anywhere is still rendered', () => {
    // toJson serialises plainly first and renders only when the text holds a Message's "i18n" key: data that
    // spells that key inside a string, or an object with an i18n field that is not a string, is not one.
    const data = { note: '{"i18n":"orders.param_required"}', odd: { i18n: 7 }, list: [1, null, 'x'] };
    assert.equal(toJson(data, 'en'), JSON.stringify(data));
    assert.equal(toJson(undefined, 'ko'), undefined);
    const deep = { rows: [{ a: 1 }, { a: 2, warnings: ['plain', missingReason] }] };
    assert.equal(toJson(deep, 'en'), JSON.stringify({ rows: [{ a: 1 }, { a: 2, warnings: ['plain', 'items.0.reason: required for Hold'] }] }));
  });

  it('renders Messages wherever JSON.stringify meets them, as a replacer would, without changing the value', () => {
    class Row {
      constructor(
        readonly id: string,
        readonly note: unknown,
      ) {}
    }
    const at = new Date(Date.UTC(2025, 10, 30));
    const value = {
      at,
      rows: [new Row('a', missingReason), new Row('b', null), undefined, [missingReason, 3]],
      wrapped: { toJSON: () => ({ inner: missingReason }) },
      skipped: undefined,
      plain: { i18n: 7, list: [1, 'x'] },
      m: missingReason,
    };
    const before = JSON.stringify(value);
    const viaReplacer = JSON.stringify(value, (_key, v: unknown) => (isMessage(v) ? render(v, 'en') : v));
    assert.equal(toJson(value, 'en'), viaReplacer);
    assert.match(viaReplacer, /"inner":"items\.0\.reason: required for Hold"/);
    assert.equal(JSON.stringify(value), before, 'the answer itself is left as it was');
    assert.equal(value.at, at);
  });

  it("an error's message and its details' messages are rendered; its type and codes stay", () => {
    const error = fieldError('to', jobsMessages.period_future);
    const ko = errorBody(error, 'ko', 'req-1');
    const en = errorBody(error, 'en', 'req-1');
    assert.equal(en.error.message, 'to: the end is in the future');
    assert.notEqual(ko.error.message, en.error.message);
    assert.deepEqual(en.error.details, [{ field: 'to', message: en.error.message }]);
    assert.deepEqual(ko.error.details, [{ field: 'to', message: ko.error.message }]);
    assert.deepEqual([en.error.type, en.error.code, en.error.request_id], ['invalid_data', 'validation_failed', 'req-1']);
    // Error.message keeps the Korean words for logs and for code that reads it.
    assert.equal(error.message, ko.error.message);
  });

  it("a schema's own English text (a regex's, a refine's) comes in Korean too, and every such text in shared/api has it", () => {
    const refusal = (value: unknown) => {
      try {
        parseWith(createUserBody, value, 'body');
      } catch (e) {
        return e as AppError;
      }
      throw new Error('no error');
    };
    const error = refusal({ username: '한글 아이디', password: 'correct-horse-battery-staple-42', role: 'operator' });
    assert.equal(errorBody(error, 'ko', 'r').error.message, '아이디: 영문, 숫자와 . _ - 만 쓸 수 있습니다');
    assert.equal(errorBody(error, 'en', 'r').error.message, 'username: letters, digits, . _ - only');
    // The texts the schemas write: `message: '…'` and a regex's second argument.
    const dir = path.join(import.meta.dirname, '../../../shared/api');
    const texts = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.schema.ts'))
      .flatMap((f) => {
        const source = fs.readFileSync(path.join(dir, f), 'utf8');
        return [...source.matchAll(/message: '([^']+)'/g), ...source.matchAll(/\.regex\([^\n]*?, '([^']+)'\)/g)].map((m) => m[1]!);
      });
    assert.ok(texts.length >= 14, texts.join(' | '));
    assert.deepEqual(
      texts.filter((t) => !SCHEMA_TEXTS[t]),
      [],
      'add their Korean to shared/api/schema-texts.ts',
    );
  });

  it("zod's words come in the caller's language", () => {
    const schema = z.object({ limit: z.number().int().max(10) });
    const error = (() => {
      try {
        parseWith(schema, { limit: 11 }, 'query');
      } catch (e) {
        return e as AppError;
      }
      throw new Error('no error');
    })();
    const ko = errorBody(error, 'ko', 'r').error;
    const en = errorBody(error, 'en', 'r').error;
    assert.match(en.message, /^limit: .*10/);
    assert.match(ko.message, /^건수: /);
    assert.notEqual(ko.message, en.message);
  });

  it('a message of several problems names the other fields rather than counting them', () => {
    const issues = ['items.0.reason', 'items.1.reason', 'items.7.reason'].map((field) => ({
      field,
      message: message(ordersMessages.param_required, { field, action: API_ACTION_LABELS.hold }),
    }));
    const en = rendered({ m: manyProblems(issues) }, 'en') as { m: string };
    assert.equal(en.m, 'items.0.reason: required for Hold (also: items.1.reason, items.7.reason)');
    const many = Array.from({ length: 15 }, (_, i) => ({ field: `items.${i}.reason`, message: 'x' }));
    assert.match((rendered({ m: manyProblems(many) }, 'en') as { m: string }).m, /items\.10\.reason and 4 more\)$/);
  });

  it('a Message kept in a text column reads back as the Message; older plain text stays as it was', () => {
    const stored = storedText(missingReason);
    assert.deepEqual(readStoredText(stored), missingReason);
    assert.equal(readStoredText('수집되었습니다'), '수집되었습니다');
    assert.equal(readStoredText('{"not":"a message"}'), '{"not":"a message"}');
    assert.equal(readStoredText(null), null);
  });

  it('an event is serialised once per language, whoever listens', () => {
    const job = { id: 'job_1', error: message(jobsMessages.all_failed, { n: 2 }) };
    const ko = eventData(job, 'ko');
    assert.equal(eventData(job, 'ko'), ko, 'the same text for every stream of one language');
    assert.match(ko, /2건이 모두 실패/);
    assert.match(eventData(job, 'en'), /All 2 items failed/);
  });
});

describe('answers through mountRoutes', () => {
  async function call(acceptLanguage: string) {
    const app = express();
    app.use((req, res, next) => {
      res.locals.info = { requestId: 'req-1', lang: pickLang(req.get('accept-language')), ip: '127.0.0.1' };
      next();
    });
    const router = express.Router();
    const fails = () => {
      throw new AppError('conflict', 'thing_busy', missingReason, { details: [{ field: 'items.0.reason', message: missingReason }] });
    };
    mountRoutes(
      router,
      [
        route({
          method: 'get',
          path: '/said',
          tag: 't',
          summary: 's',
          access: 'public',
          response: z.object({ message: z.string() }),
          handler: async () => ({ message: missingReason }),
        }),
        route({ method: 'get', path: '/fails', tag: 't', summary: 's', access: 'public', response: 'empty', handler: async () => fails() }),
      ],
      async () => ({ type: 'system', id: null }),
      async () => {},
      { validateResponses: true },
    );
    app.use('/api', router);
    app.use(errorHandler(createLogger('error', () => {})));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
    const headers = { 'accept-language': acceptLanguage };
    const said = await fetch(`${base}/said`, { headers });
    const failed = await fetch(`${base}/fails`, { headers });
    const out = { said: (await said.json()) as { message: string }, type: said.headers.get('content-type'), failed: (await failed.json()) as any };
    server.close();
    return out;
  }

  it("answers and errors in the request's language (Accept-Language), as JSON", async () => {
    const ko = await call('ko-KR,ko;q=0.9');
    const en = await call('en-US,en;q=0.9');
    assert.equal(ko.said.message, 'items.0.reason: 출고보류에 필요한 값입니다');
    assert.equal(en.said.message, 'items.0.reason: required for Hold');
    assert.equal(en.type, 'application/json; charset=utf-8');
    assert.equal(en.failed.error.message, 'items.0.reason: required for Hold');
    assert.deepEqual(en.failed.error.details, [{ field: 'items.0.reason', message: 'items.0.reason: required for Hold' }]);
    assert.equal(ko.failed.error.message, 'items.0.reason: 출고보류에 필요한 값입니다');
  });
});
