// The 파일 (Files) tab: import (courier result files, wholesale orders), export (order lists and courier booking
// files, with a reason and an optional password) and the template editor, one section each.
import { useState } from 'react';
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import type { Account } from '../accounts/useAccounts.ts';
import { paneMessages as m } from '../../messages.ts';
import { useLayout } from '../../styles.ts';
import { ExportSection } from './ExportSection.tsx';
import { ImportSection } from './ImportSection.tsx';
import { TemplateEditor } from './TemplateEditor.tsx';
import { templateTypeOf, type ImportKind } from './useFileImport.ts';
import { useTemplates } from './useTemplates.ts';

export function FilesPane({ api, lang, accounts, role }: { api: Api; lang: Lang; accounts: Account[]; role: string }) {
  const ui = useLayout();
  const [kind, setKind] = useState<ImportKind>('invoice');
  const type = templateTypeOf(kind);
  const store = useTemplates(api, lang, type);
  return (
    <section className={ui.form} aria-label={format(m.tab_files, {}, lang)}>
      <ImportSection api={api} lang={lang} kind={kind} setKind={setKind} templates={store.templates} canWrite={role !== 'viewer'} />
      <ExportSection api={api} lang={lang} accounts={accounts} role={role} />
      <TemplateEditor lang={lang} store={store} type={type} canWrite={role !== 'viewer'} />
    </section>
  );
}
