// Messages shown to people, Korean first with English available. Every module that produces user-facing text
// keeps its own catalog (a `Messages` object) next to its code; `format` renders one entry in one language.
// The server renders in the language the client asked for (Accept-Language), the add-in in the pane's language.

export type Lang = 'ko' | 'en';

export type MessageText = { ko: string; en: string };
export type Messages = Record<string, MessageText>;
export type MessageParams = Record<string, string | number | null | undefined>;

/** Fills `{name}` placeholders; a missing parameter stays visible as `{name}` rather than vanishing. */
export function format(text: MessageText, params: MessageParams = {}, lang: Lang = 'ko'): string {
  return text[lang].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? whole : String(value);
  });
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
