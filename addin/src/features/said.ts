// What a notice says, kept apart from the pane's work (work.tsx) so that sheet modules and their unit tests can say
// it without React.
import { format, type Lang, type MessageParam, type MessageParams, type MessageText } from '../../../shared/i18n.ts';

/**
 * What a notice says, kept as words of a catalog with their parameters and put into the pane's language each time
 * it is shown: a notice made in English reads in Korean once the operator switches (a built string stayed English).
 * A string reads the same in both (the server's words, already in the pane's language when asked); parts of a list
 * are joined with a space. A parameter may itself be words kept so (a list of the jobs that ended, each named), put
 * into the same language first.
 */
export type Said = string | SaidWords | SaidJoined | readonly Said[];
type SaidWords = { readonly said: MessageText; readonly params?: SaidParams | undefined };
/** Parts put together with `by` between them, none left out (lines of a notice, joined with '\n'). */
type SaidJoined = { readonly joined: readonly Said[]; readonly by: string };
/** A parameter of a notice's words: a catalog's parameter, words kept as a Said, or a list of those (joined with ', '). */
export type SaidParam = MessageParam | SaidWords | SaidJoined | readonly SaidParam[];
export type SaidParams = Record<string, SaidParam>;
/** A catalog entry and its parameters as a notice says them. */
export const said = (text: MessageText, params?: SaidParams): Said => ({ said: text, params });
/** Parts said one after another with `by` between them (a line break, ': '); empty parts are kept. */
export const saidJoined = (parts: readonly Said[], by: string): Said => ({ joined: parts, by });
const isSaidWords = (value: unknown): value is SaidWords | SaidJoined =>
  typeof value === 'object' && value !== null && ('said' in value || 'joined' in value);
function paramIn(value: SaidParam, lang: Lang): MessageParam {
  if (Array.isArray(value)) return (value as readonly SaidParam[]).map((v) => paramIn(v, lang));
  return isSaidWords(value) ? saidText(value, lang) : (value as MessageParam);
}
/** A Said in one language. */
export function saidText(text: Said, lang: Lang): string {
  if (typeof text === 'string') return text;
  if (Array.isArray(text))
    return (text as readonly Said[])
      .map((part) => saidText(part, lang))
      .filter(Boolean)
      .join(' ');
  if ('joined' in text) return text.joined.map((part) => saidText(part, lang)).join(text.by);
  const { said: words, params } = text as SaidWords;
  const inLang: MessageParams = {};
  for (const [name, value] of Object.entries(params ?? {})) inLang[name] = paramIn(value, lang);
  return format(words, inLang, lang);
}
