// Input checked against a zod schema, refused as one AppError that names every field in the caller's language.
// The HTTP edge checks every route's params, query and body with it; a service uses it for input whose shape
// depends on data (a mall account's credentials, by the mall).
import { z } from 'zod';
import { AppError, type FieldIssue } from '../../shared/errors.ts';
import { format, type Lang, type Messages } from '../../shared/i18n.ts';

export type InputPlace = 'body' | 'query' | 'params';

const validationMessages = {
  more_problems: { ko: ' (외 {count}건)', en: ' (and {count} more)' },
} satisfies Messages;

/** Turns a zod failure into a 400 naming every field, in the caller's language. */
function validationError(error: z.ZodError, lang: Lang, where: InputPlace): AppError {
  const details: FieldIssue[] = error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.join('.') : where;
    return { field, code: issue.code, message: `${field}: ${issue.message}` };
  });
  const first = details[0]!;
  const more = details.length > 1 ? format(validationMessages.more_problems, { count: details.length - 1 }, lang) : '';
  return new AppError('invalid_data', 'validation_failed', first.message + more, { details });
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, lang: Lang, where: InputPlace): z.infer<S> {
  const localeError = lang === 'ko' ? z.locales.ko().localeError : z.locales.en().localeError;
  const result = schema.safeParse(value, { error: localeError });
  if (!result.success) throw validationError(result.error, lang, where);
  return result.data;
}
