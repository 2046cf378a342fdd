// Spreadsheet templates: the built-ins that ship with the product (read-only) and the copies users save, edit and
// delete. A saved definition is checked with the same schema on every save, so any stored template maps rows.
import type { FileSource } from '../../../shared/api/files.schema.ts';
import { templateDefinition, type TemplateBody, type TemplateDefinition } from '../../../shared/api/file-imports.schema.ts';
import { AppError } from '../../../shared/errors.ts';
import { guessTemplate } from '../../../shared/files/map-rows.ts';
import { BUILT_IN_TEMPLATES, findBuiltInTemplate, type Template } from '../../../shared/files/templates.ts';
import { message, type MessageText } from '../../../shared/i18n.ts';
import { newId, ID_PREFIX } from '../../db/ids.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Db } from '../../db/knex.ts';
import type { Actor } from '../../domain/actor.ts';
import { fieldError } from '../../domain/validation.ts';
import { readSource } from '../../files/source.ts';
import { fileImportsMessages as m } from './file-imports.messages.ts';
import * as repo from './templates.repo.ts';

/** A template with where it comes from: built-ins have no author nor times. */
export type StoredTemplate = {
  template: Template;
  name: string | MessageText;
  created_by: string | null;
  created_at: string | null;
  updated_at: string | null;
};

function fromRecord(r: repo.TemplateRecord): StoredTemplate {
  const definition = JSON.parse(r.definition) as TemplateDefinition;
  const template = { ...definition, id: r.id, name: { ko: r.name, en: r.name }, builtIn: false } as Template;
  return { template, name: r.name, created_by: r.created_by, created_at: r.created_at, updated_at: r.updated_at };
}

function builtIn(template: Template): StoredTemplate {
  return { template, name: template.name, created_by: null, created_at: null, updated_at: null };
}

/** Built-ins first (as shipped), then saved ones by name. */
export async function listTemplates(db: Db, type?: Template['type']): Promise<StoredTemplate[]> {
  const builtIns = BUILT_IN_TEMPLATES.filter((t) => !type || t.type === type).map(builtIn);
  return [...builtIns, ...(await repo.listTemplates(db, type)).map(fromRecord)];
}

/** A built-in or a saved template, or undefined: for callers that refuse an unknown id their own way. */
export async function findTemplate(db: Db, id: string): Promise<StoredTemplate | undefined> {
  const shipped = findBuiltInTemplate(id);
  if (shipped) return builtIn(shipped);
  const record = await repo.findTemplate(db, id);
  return record ? fromRecord(record) : undefined;
}

export async function getTemplate(db: Db, id: string): Promise<StoredTemplate> {
  const found = await findTemplate(db, id);
  if (!found) throw new AppError('not_found', 'template_not_found', message(m.template_not_found, { id }));
  return found;
}

/** The definition part of a template (what a copy saves). */
export function definitionOf(template: Template): TemplateDefinition {
  const { id: _id, name: _name, builtIn: _builtIn, ...definition } = template;
  return templateDefinition.parse(definition);
}

/** A name as two names are compared: "CJ 복사본" and " cj 복사본 " are one name. */
const nameKey = (name: string) => name.normalize('NFKC').trim().toLowerCase();

const nameTaken = (name: string) => fieldError('name', m.template_name_taken, { name }, { type: 'conflict', code: 'template_name_taken' });

/**
 * One name per kind of template: a list of four "레이스 템플릿" leaves the operator guessing which is which. Checked
 * first to name the template that has it; the unique index on (type, name_key) refuses the same name saved by two
 * requests at once, which this check cannot see.
 */
async function nameFree(db: Db, type: string, name: string, self?: string): Promise<void> {
  const taken = (await repo.listTemplates(db, type)).find((t) => t.id !== self && nameKey(t.name) === nameKey(name));
  if (taken) throw nameTaken(taken.name);
}

/** A save that lost the race for its name answers as the check would have. */
async function savedUnder<T>(name: string, save: Promise<T>): Promise<T> {
  try {
    return await save;
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}

export async function createTemplate(db: Db, actor: Actor, body: TemplateBody): Promise<StoredTemplate> {
  await nameFree(db, body.definition.type, body.name);
  const now = new Date().toISOString();
  const row: repo.TemplateRecord = {
    id: newId(ID_PREFIX.fileTemplate),
    type: body.definition.type,
    name: body.name,
    name_key: nameKey(body.name),
    definition: JSON.stringify(body.definition),
    created_by: actor.id,
    created_at: now,
    updated_by: actor.id,
    updated_at: now,
  };
  await savedUnder(body.name, repo.insertTemplate(db, row));
  return fromRecord(row);
}

/** Built-ins are read-only: a 409 that says to save a copy. */
async function savedOne(db: Db, id: string): Promise<repo.TemplateRecord> {
  const shipped = findBuiltInTemplate(id);
  if (shipped) throw new AppError('conflict', 'template_built_in', message(m.template_built_in, { name: shipped.name }));
  const record = await repo.findTemplate(db, id);
  if (!record) throw new AppError('not_found', 'template_not_found', message(m.template_not_found, { id }));
  return record;
}

export async function updateTemplate(db: Db, actor: Actor, id: string, body: TemplateBody): Promise<StoredTemplate> {
  const record = await savedOne(db, id);
  if (record.type !== body.definition.type) throw fieldError('definition.type', m.template_type_fixed, {}, { code: 'template_type_fixed' });
  await nameFree(db, record.type, body.name, id);
  const patch = {
    name: body.name,
    name_key: nameKey(body.name),
    definition: JSON.stringify(body.definition),
    updated_by: actor.id,
    updated_at: new Date().toISOString(),
  };
  await savedUnder(body.name, repo.updateTemplate(db, id, patch));
  return fromRecord({ ...record, ...patch });
}

export async function deleteTemplate(db: Db, id: string): Promise<void> {
  await savedOne(db, id);
  await repo.deleteTemplate(db, id);
}

/** The template (saved ones first, so a user's copy wins a tie with the built-in it was made from) for a file. */
export async function guessFor(db: Db, source: FileSource, type?: Template['type']) {
  const sheet = await readSource(source);
  const all = await listTemplates(db, type);
  const saved = all.filter((t) => !t.template.builtIn);
  const ordered = [...saved, ...all.filter((t) => t.template.builtIn)];
  const guess = guessTemplate(sheet.rows, { templates: ordered.map((t) => t.template), type });
  if (!guess) return { template: null, score: null, header_row: null, ties: [] };
  const stored = ordered.find((t) => t.template.id === guess.template.id)!;
  return { template: stored, score: guess.score, header_row: guess.header_row, ties: guess.ties };
}
