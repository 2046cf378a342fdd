// Messages shown to people, Korean first with English available. Every module that produces user-facing text
// keeps its own catalog next to its code; `format` renders one entry in one language.
//
// The server's rule: below its HTTP edge nothing knows the caller's language. A service, a job or the engine says
// what happened as a `Message` — a catalog entry's code with its parameters, plain data that survives JSON (a job
// result stored in the database, a job event sent to another instance) — and the edge (server/http/render.ts) puts
// it into words in the request's language. A catalog made with `defineMessages` registers its entries under
// `<namespace>.<key>`, which is how a Message read back from storage finds its text again.
// The add-in renders its own catalogs in the pane's language with `format`.

import { withParticles } from './josa.ts';

export type Lang = 'ko' | 'en';

export type MessageText = { ko: string; en: string };
export type Messages = Record<string, MessageText>;

/** A message not yet put into words: a registered catalog entry and its parameters. */
export type Message = { readonly i18n: string; readonly params?: MessageParams };
/** What a server module may say to a person: a Message, or a string that reads the same in every language (a mall's own words). */
export type Text = string | Message;

/**
 * A parameter: a value shown as is, a label in both languages ({ ko, en }, e.g. a status label), a nested Message
 * or a list of those (joined with ', ').
 */
export type MessageParam = string | number | boolean | null | undefined | MessageText | Message | readonly MessageParam[];
export type MessageParams = Record<string, MessageParam>;

/** A catalog entry that knows its registered code. */
export type CatalogEntry = MessageText & { readonly code: string };
export type Catalog<M extends Messages> = { readonly [K in keyof M]: CatalogEntry };

const registry = new Map<string, MessageText>();

/** Registers a catalog under `namespace`; each entry keeps its text and learns its code (`namespace.key`). */
export function defineMessages<const M extends Messages>(namespace: string, entries: M): Catalog<M> {
  const catalog: Record<string, CatalogEntry> = {};
  for (const [key, text] of Object.entries(entries)) {
    const code = `${namespace}.${key}`;
    registry.set(code, text);
    catalog[key] = { ko: text.ko, en: text.en, code };
  }
  return catalog as Catalog<M>;
}

/** A Message of a catalog entry. */
export function message(entry: CatalogEntry, params?: MessageParams): Message {
  return params === undefined ? { i18n: entry.code } : { i18n: entry.code, params };
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as { i18n?: unknown }).i18n === 'string';
}

const isLabel = (value: object): value is MessageText =>
  typeof (value as MessageText).ko === 'string' && typeof (value as MessageText).en === 'string';

function paramText(value: MessageParam, lang: Lang): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map((v: MessageParam) => paramText(v, lang) ?? '').join(', ');
  if (typeof value === 'object') {
    if (isMessage(value)) return render(value, lang);
    if (isLabel(value)) return value[lang];
  }
  return String(value);
}

/** Fills `{name}` placeholders; a missing parameter stays visible as `{name}` rather than vanishing. */
export function format(text: MessageText, params: MessageParams = {}, lang: Lang = 'ko'): string {
  const fill = (part: string) => part.replace(/\{(\w+)\}/g, (whole, name: string) => paramText(params[name], lang) ?? whole);
  // '{name}을(를)' becomes '상품을' or '택배를' once the value is in (josa.ts); a value's own text is left as it is.
  return lang === 'ko' ? withParticles(text.ko, fill) : fill(text.en);
}

/** A Text in one language: a registered Message rendered (its code when no catalog has it), a string as is. */
export function render(text: Text, lang: Lang): string {
  if (typeof text === 'string') return text;
  const entry = registry.get(text.i18n);
  return entry ? format(entry, text.params, lang) : text.i18n;
}

/** Picks `en` only when the client prefers English over Korean; Korean is the default. */
export function pickLang(acceptLanguage: string | undefined | null): Lang {
  if (!acceptLanguage) return 'ko';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().toLowerCase().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag, q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('ko')) return 'ko';
    if (tag.startsWith('en')) return 'en';
  }
  return 'ko';
}

// A Text kept in one text column (a job's error, a job result's message, an account's last error, a box's send error):
// a Message as its JSON, a string as is. Rows written before Messages were stored hold plain text and read back as it.
const STORED_MESSAGE = '{"i18n":';

export function storedText(text: Text): string;
export function storedText(text: Text | null | undefined): string | null;
export function storedText(text: Text | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  return typeof text === 'string' ? text : JSON.stringify(text);
}

/**
 * A Text's stored form within `max` characters, for a column of that length (PostgreSQL refuses a longer value;
 * SQLite would keep it): a string cut to `max`, a Message with its string parameters shortened until its JSON fits
 * (cutting each parameter to `max` is not enough: the JSON around them counts too), or, failing that, its bare code.
 */
export function storedTextWithin(text: Text, max: number): string {
  if (typeof text === 'string') return text.slice(0, max);
  let stored = storedText(text);
  for (let limit = max; stored.length > max && limit > 0;) {
    limit = Math.max(0, limit - (stored.length - max));
    stored = storedText(clipText(text, limit));
  }
  return stored.length <= max ? stored : storedText({ i18n: text.i18n });
}

export function readStoredText(stored: string): Text;
export function readStoredText(stored: string | null | undefined): Text | null;
export function readStoredText(stored: string | null | undefined): Text | null {
  if (stored === null || stored === undefined) return null;
  if (!stored.startsWith(STORED_MESSAGE)) return stored;
  try {
    const value: unknown = JSON.parse(stored);
    return isMessage(value) ? value : stored;
  } catch {
    return stored;
  }
}

/** A Text cut to fit a column or a payload: a string to `max` characters, a Message's string parameters each. */
export function clipText(text: Text, max: number): Text {
  if (typeof text === 'string') return text.length > max ? text.slice(0, max) : text;
  if (!text.params) return text;
  const params = Object.fromEntries(
    Object.entries(text.params).map(([k, v]) => [k, typeof v === 'string' ? v.slice(0, max) : isMessage(v) ? clipText(v, max) : v]),
  ) as MessageParams;
  return { i18n: text.i18n, params };
}
