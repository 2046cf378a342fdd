// Saved spreadsheet templates: one row each, the definition as JSON text (checked by the service on every save).
import type { Db } from '../../db/knex.ts';

export type TemplateRecord = {
  id: string;
  type: string;
  name: string;
  /** The name as names are compared (templates.service.ts nameKey): unique per type. */
  name_key: string;
  definition: string;
  created_by: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
};

export async function listTemplates(db: Db, type?: string): Promise<TemplateRecord[]> {
  const q = db('file_templates').select('*').orderBy('name').orderBy('id');
  if (type) q.where({ type });
  return q;
}

export async function findTemplate(db: Db, id: string): Promise<TemplateRecord | undefined> {
  return db('file_templates').where({ id }).first();
}

export async function insertTemplate(db: Db, row: TemplateRecord): Promise<void> {
  await db('file_templates').insert(row);
}

export async function updateTemplate(
  db: Db,
  id: string,
  patch: Pick<TemplateRecord, 'name' | 'name_key' | 'definition' | 'updated_by' | 'updated_at'>,
): Promise<void> {
  await db('file_templates').where({ id }).update(patch);
}

export async function deleteTemplate(db: Db, id: string): Promise<number> {
  return db('file_templates').where({ id }).delete();
}
