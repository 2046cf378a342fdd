// Input checked against a zod schema, refused as one AppError that names every field; and the one way a service
// refuses a single field by hand. Messages stay unrendered (codes with parameters): the HTTP edge puts them in the
// caller's language. zod's own words exist per language only as zod renders them, so a failed parse is read in
// both (a second parse, on the failure path only) and carried as a label pair.
import { z } from 'zod';
import { zodErrorIn } from '../../shared/api/zod-words.ts';
import { fieldLabel, ownLabel, placeLabel } from '../../shared/api/field-labels.ts';
import { SCHEMA_TEXTS } from '../../shared/api/schema-texts.ts';
import { AppError, type ErrorType, type FieldProblem } from '../../shared/errors.ts';
import { defineMessages, message, type CatalogEntry, type Message, type MessageParams, type Text } from '../../shared/i18n.ts';

export type InputPlace = 'body' | 'query' | 'params';

const validationMessages = defineMessages('validation', {
  issue: { ko: '{field}: {text}', en: '{field}: {text}' },
  more_problems: { ko: '{first} (외 {count}건)', en: '{first} (and {count} more)' },
  also: { ko: '{first} (함께: {fields})', en: '{first} (also: {fields})' },
  also_more: { ko: '{first} (함께: {fields} 외 {count}건)', en: '{first} (also: {fields} and {count} more)' },
  unknown_field: { ko: '{field}: 알 수 없는 항목입니다 (이름을 확인하세요)', en: '{field}: unknown field (check its name)' },
});

/** How many other fields a message lists by name; the details name every one. */
const LISTED_FIELDS = 10;

const KO = { error: zodErrorIn('ko') };
const EN = { error: zodErrorIn('en') };

/** Turns a zod failure into a 400 naming every field; `prefix` points nested input into the request body. */
function validationError(schema: z.ZodType, value: unknown, ko: z.ZodError, where: InputPlace, prefix: string, summarise: boolean): AppError {
  const en = schema.safeParse(value, EN).error?.issues ?? [];
  const details: FieldProblem[] = ko.issues.map((issue, i) => {
    // Refused whole: nested input is the field it sits in ("credentials"), else the part of the request.
    const whole = prefix ? prefix.replace(/\.$/, '') : where;
    const field = issue.path.length ? prefix + issue.path.join('.') : whole;
    // A schema's own text (English, the same in both parses) has its Korean in SCHEMA_TEXTS.
    const text = SCHEMA_TEXTS[issue.message] ?? { ko: issue.message, en: en[i]?.message ?? issue.message };
    const own = issue.path.length === 1 ? ownLabel(schema, String(issue.path[0])) : undefined;
    const label = issue.path.length || prefix ? fieldLabel(field, own) : placeLabel(where);
    return { field, code: issue.code, message: message(validationMessages.issue, { field: label, text }) };
  });
  return problemsError(details, summarise);
}

/** The 400 of these problems: the first one's message (with how many more, `summarise`), every one in the details. */
function problemsError(details: FieldProblem[], summarise: boolean): AppError {
  const first = details[0]!.message;
  const more = summarise && details.length > 1 ? message(validationMessages.more_problems, { first, count: details.length - 1 }) : first;
  return new AppError('invalid_data', 'validation_failed', more, { details });
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, where: InputPlace): z.infer<S> {
  const result = schema.safeParse(value, KO);
  if (!result.success) throw validationError(schema, value, result.error, where, '', true);
  return result.data;
}

/**
 * A 400 naming the fields of a request body its schema does not declare: zod drops them silently, so a misspelt
 * field (`recipient_mobil`) would be ignored without a word and its value lost.
 */
export function unknownFieldsError(fields: readonly string[]): AppError {
  return problemsError(
    fields.map((field) => ({ field, code: 'unrecognized_keys', message: message(validationMessages.unknown_field, { field }) })),
    true,
  );
}

/**
 * Input nested in a request body whose shape depends on data (a mall account's credentials, by the mall): fields
 * are named under `prefix`, and the error's message is its first problem's.
 */
export function parseUnder<S extends z.ZodType>(schema: S, value: unknown, prefix: string): z.infer<S> {
  const result = schema.safeParse(value, KO);
  if (!result.success) throw validationError(schema, value, result.error, 'body', prefix, false);
  return result.data;
}

/** `text` led by the field it is about ("field: text"), as a form's validation messages are. */
export function namedField(field: string, text: Text): Message {
  return message(validationMessages.issue, { field: fieldLabel(field), text });
}

/**
 * The message of several problems found by hand: the first one's, then the other fields by name (the first
 * LISTED_FIELDS of them, and how many more).
 */
export function manyProblems(issues: readonly FieldProblem[]): Text {
  const [first, ...rest] = issues;
  if (!first) throw new Error('manyProblems: no problem given');
  if (!rest.length) return first.message;
  // A top-level field by its label, a nested one by its path alone (its label is the first one's, most often).
  const fields = rest.slice(0, LISTED_FIELDS).map((i) => (i.field === undefined ? '-' : i.field.includes('.') ? i.field : fieldLabel(i.field)));
  if (rest.length <= LISTED_FIELDS) return message(validationMessages.also, { first: first.message, fields });
  return message(validationMessages.also_more, { first: first.message, fields, count: rest.length - LISTED_FIELDS });
}

/**
 * The error of one field a service refuses by hand (a rule no schema states): the message names the field (by its
 * label, or by `options.label` where the API-wide one would mislead; unless `params.field` names it otherwise, e.g.
 * by the operator's own column header), and so does the one detail (by its path). `code` is the error's code for
 * programs (validation_failed unless the rule has its own); `type` is invalid_data (400) unless the field's value
 * clashes with stored data (a taken name: conflict).
 */
export function fieldError(
  field: string,
  entry: CatalogEntry,
  params: MessageParams = {},
  options: { code?: string; type?: Extract<ErrorType, 'invalid_data' | 'conflict'>; label?: string } = {},
): AppError {
  const text: Message = message(entry, { field: fieldLabel(field, options.label), ...params });
  return new AppError(options.type ?? 'invalid_data', options.code ?? 'validation_failed', text, { details: [{ field, message: text }] });
}
