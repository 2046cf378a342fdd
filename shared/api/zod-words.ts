// zod's own words for a problem with a value, as an operator reads them, in Korean or English: one set for the
// server's refusals (server/domain/validation.ts) and the pane's checks of a sheet row before it is sent.
import { z } from 'zod';
import type { Lang } from '../i18n.ts';

/**
 * zod's Korean names a size limit by the value's type in English ("number이 너무 큽니다", "array이 너무 작습니다"):
 * the type is put in words an operator reads.
 */
const KO_NOUNS: Record<string, string> = {
  number: '값이',
  bigint: '값이',
  int: '값이',
  array: '항목 수가',
  set: '항목 수가',
  string: '글자 수가',
  file: '파일이',
  date: '날짜가',
};
const zodKo = z.locales.ko().localeError;
type Issue = Parameters<typeof zodKo>[0];

/**
 * A field left out or left empty is said as such ("끝 번호: 입력하세요"), not in zod's words for a type or a size
 * ("예상 타입은 string, 받은 타입은 undefined입니다", "1문자 이상이어야 합니다").
 */
const missing = (issue: Issue) =>
  (issue.code === 'invalid_type' && issue.input === undefined) ||
  (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1);

const ko = (issue: Issue) => {
  if (missing(issue)) return '입력하세요';
  const said = zodKo(issue);
  const text = typeof said === 'string' ? said : said?.message;
  if (!text) return said;
  return text.replace(/^(number|bigint|int|array|set|string|file|date)(이|가) /, (_, type: string) => `${KO_NOUNS[type]} `);
};
const zodEn = z.locales.en().localeError;
const en = (issue: Issue) => (missing(issue) ? 'required' : zodEn(issue));

/** zod's words for a problem, in `lang`, as an operator reads them (the server's refusals and the pane's own checks). */
export function zodErrorIn(lang: Lang) {
  return lang === 'ko' ? ko : en;
}
