// Where the server's words meet the caller's language. Below server/http nothing knows the language: services, jobs
// and the engine say what happened as Messages (shared/i18n.ts: a catalog code and its parameters, plain JSON data)
// wherever a person will read it — an AppError's text and its details, an item's message and warnings, a job's
// error and results. The edge renders them on the way out, in one mechanism for every answer: the JSON
// serialisation of a response, an error body or an event-stream event turns each Message it meets into its text in
// the request's language. So no answer needs a list of where its messages sit, a Message
// read back from the database renders like a fresh one, and an answer without Messages serialises as before.
import { AppError, type ErrorBody } from '../../shared/errors.ts';
import { isMessage, render, type Lang } from '../../shared/i18n.ts';
import type { RequestInfo } from '../domain/actor.ts';

/** What the edge knows of a request: the domain's RequestInfo and the language to answer in. */
export type EdgeInfo = RequestInfo & { lang: Lang };

/**
 * `value` as JSON text, every Message in it rendered in `lang`. The value is first serialised plainly: a Message
 * always shows as the key `"i18n":` in the text (inside a string value the quotes are escaped, so no data can spell
 * it), and only then are its Messages rendered and it is serialised again. (A replacer would take JSON.stringify off
 * V8's fast path: 50,000 bulk results took twice as long.)
 */
export function toJson(value: unknown, lang: Lang): string {
  const plain = JSON.stringify(value);
  return plain === undefined || !plain.includes('"i18n":') ? plain : JSON.stringify(withRendered(value, lang, ''));
}

/**
 * `value` with each Message in it replaced by its text, as JSON.stringify would meet them (after toJSON, own
 * enumerable keys): a copy only along the paths that hold one, so the copy serialises on V8's fast path again —
 * one refused row among 50,000 results no longer sends the whole answer through a replacer (3–10× slower).
 */
function withRendered(value: unknown, lang: Lang, key: string): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const json = (value as { toJSON?: unknown }).toJSON;
  if (typeof json === 'function') return withRendered((json as (key: string) => unknown).call(value, key), lang, key);
  if (isMessage(value)) return render(value, lang);
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const done = withRendered(item, lang, String(i));
      if (done !== item) (out ??= value.slice())[i] = done;
    }
    return out ?? value;
  }
  let out: Record<string, unknown> | undefined;
  for (const k of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[k];
    const done = withRendered(item, lang, k);
    if (done !== item) (out ??= { ...value })[k] = done;
  }
  return out ?? value;
}

/** `value` with every Message in it rendered in `lang` (a copy through JSON: for checks and tests, not hot paths). */
export function rendered<T>(value: T, lang: Lang): unknown {
  return value === undefined ? undefined : JSON.parse(toJson(value, lang));
}

/** The error body of an AppError, its message and its details' messages in `lang`. */
export function errorBody(error: AppError, lang: Lang, requestId: string): ErrorBody {
  const body = {
    error: {
      type: error.type,
      code: error.code,
      message: error.text,
      ...(error.details ? { details: error.details } : {}),
      request_id: requestId,
    },
  };
  return rendered(body, lang) as ErrorBody;
}

/**
 * The text of one server-sent event in `lang`, serialised once per language however many streams send it (an
 * event object is made once per job step and handed to every open stream).
 */
const eventTexts = new WeakMap<object, Partial<Record<Lang, string>>>();
export function eventData(event: object, lang: Lang): string {
  let texts = eventTexts.get(event);
  if (!texts) eventTexts.set(event, (texts = {}));
  return (texts[lang] ??= toJson(event, lang));
}
