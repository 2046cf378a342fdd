// Where the server's words meet the caller's language. Below server/http nothing knows the language: services, jobs
// and the engine say what happened as Messages (shared/i18n.ts: a catalog code and its parameters, plain JSON data)
// wherever a person will read it — an AppError's text and its details, an item's message and warnings, a job's
// error and results. The edge renders them on the way out, in one mechanism for every answer: the JSON
// serialisation of a response, an error body or an event-stream event passes a replacer that turns each Message it
// meets into its text in the request's language. So no answer needs a list of where its messages sit, a Message
// read back from the database renders like a fresh one, and an answer without Messages serialises as before.
import { AppError, type ErrorBody } from '../../shared/errors.ts';
import { isMessage, render, type Lang } from '../../shared/i18n.ts';
import type { RequestInfo } from '../domain/actor.ts';

/** What the edge knows of a request: the domain's RequestInfo and the language to answer in. */
export type EdgeInfo = RequestInfo & { lang: Lang };

const replacers: Record<Lang, (key: string, value: unknown) => unknown> = {
  ko: (_key, value) => (isMessage(value) ? render(value, 'ko') : value),
  en: (_key, value) => (isMessage(value) ? render(value, 'en') : value),
};

/**
 * `value` as JSON text, every Message in it rendered in `lang`. A replacer takes JSON.stringify off V8's fast path
 * (50,000 bulk results took twice as long), so the value is first serialised plainly: a Message always shows as the
 * key `"i18n":` in the text (inside a string value the quotes are escaped, so no data can spell it), and only then
 * is it serialised again through the replacer.
 */
export function toJson(value: unknown, lang: Lang): string {
  const plain = JSON.stringify(value);
  return plain === undefined || !plain.includes('"i18n":') ? plain : JSON.stringify(value, replacers[lang]);
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
