// The templates of one kind (invoice import or order upload), read for the import's choice and the editor, and
// the editor's work: save a template as a named copy, replace a saved one's columns, delete a saved one.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { templateDefinition } from '../../../../shared/api/file-imports.schema.ts';
import type { FieldName } from '../../../../shared/files/templates.ts';
import type { Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import { createTemplate, deleteTemplate, listTemplates, templateSample, updateTemplate, type FileTemplate } from '../../api/files.ts';
import { errorText, said, useWork } from '../work.tsx';
import { fileMessages as fm } from './files-messages.ts';
import { saveFile } from './save-file.ts';

export type TemplateType = 'invoice_import' | 'order_upload';
/** A column as the editor shows it: the field and its header spellings as one comma-separated text. */
export type EditColumn = { field: FieldName; headers: string; required?: boolean };
type Definition = z.input<typeof templateDefinition>;

export function editColumnsOf(t: FileTemplate): EditColumn[] {
  const columns = (t.definition.columns ?? []) as { field: FieldName; headers: string[]; required?: boolean }[];
  return columns.map((c) => ({ field: c.field, headers: c.headers.join(', '), ...(c.required ? { required: true } : {}) }));
}

/** The template's definition with the edited columns (blank header lists dropped); everything else kept. */
export function definitionWith(t: FileTemplate, columns: readonly EditColumn[]): Definition {
  const edited = columns
    .map((c) => ({
      field: c.field,
      headers: c.headers
        .split(',')
        .map((h) => h.trim())
        .filter(Boolean),
      ...(c.required ? { required: true } : {}),
    }))
    .filter((c) => c.headers.length > 0);
  return { ...(t.definition as object), type: t.type, columns: edited } as Definition;
}

export function useTemplates(api: Api, lang: Lang, type: TemplateType) {
  const work = useWork(lang);
  const [templates, setTemplates] = useState<FileTemplate[]>([]);
  // The kind shown now: a list read for the other kind that answers late (the operator turned quickly) is dropped
  // instead of replacing this kind's templates.
  const shownType = useRef(type);
  shownType.current = type;

  const reload = useCallback(async () => {
    const page = await listTemplates(api, { type });
    if (shownType.current === type) setTemplates(page.items);
    return page.items;
  }, [api, type]);

  useEffect(() => {
    reload().catch((error: unknown) => work.setNotice({ intent: 'error', text: errorText(error, lang) }));
    // The notice setter is stable; reading again only when the kind (or the session) changes.
  }, [reload]);

  const saveCopy = (from: FileTemplate, name: string, columns: readonly EditColumn[]) =>
    work.run(async () => {
      if (!name.trim()) return { intent: 'warning', text: said(fm.need_name) };
      const saved = await createTemplate(api, { name: name.trim(), definition: definitionWith(from, columns) });
      await reload();
      return said(fm.saved, { name: saved.name });
    });

  const save = (template: FileTemplate, name: string, columns: readonly EditColumn[]) =>
    work.run(async () => {
      const saved = await updateTemplate(api, template.id, { name: name.trim() || template.name, definition: definitionWith(template, columns) });
      await reload();
      return said(fm.saved, { name: saved.name });
    });

  const remove = (template: FileTemplate) =>
    work.run(async () => {
      await deleteTemplate(api, template.id);
      await reload();
      return said(fm.deleted, { name: template.name });
    });

  const sample = (template: FileTemplate) =>
    work.run(async () => {
      const file = await templateSample(api, template.id);
      saveFile(file);
      return said(fm.sample_saved, { file: file.fileName });
    });

  return { work, templates, reload, saveCopy, save, remove, sample };
}
