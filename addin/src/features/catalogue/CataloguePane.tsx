// The 상품 tab: pull the catalogue into the 상품 sheet, push the rows the operator changed or added (results beside
// them), and the warehouses and stores below.
import { Button, Text } from '@fluentui/react-components';
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import { paneMessages as m } from '../../messages.ts';
import { useLayout } from '../../styles.ts';
import { said, useWork, WorkStatus } from '../work.tsx';
import { catalogueMessages as cm, type CatalogueMessage } from './catalogue-messages.ts';
import { importActiveSheet } from './sku-import.ts';
import { pullCatalogue, pushCatalogue } from './sku-sheet.ts';
import { useWarehouses } from './useWarehouses.ts';
import { WarehouseSection } from './WarehouseSection.tsx';

export function CataloguePane({ api, lang, role }: { api: Api; lang: Lang; role: string }) {
  const viewer = role === 'viewer';
  const ui = useLayout();
  const t = (key: CatalogueMessage, params = {}) => format(cm[key], params, lang);
  const work = useWork(lang);
  const warehouses = useWarehouses(api, lang);
  const pull = () =>
    work.run(async (step) => {
      const count = await pullCatalogue(api, lang, (phase, done) =>
        phase === 'fetch' ? step(t('fetching', { done })) : step(t('writing', { done }), undefined, false),
      );
      return said(cm.pulled, { count });
    });
  const push = () =>
    work.run(async (step) => {
      step(t('pushing'), undefined, false);
      const out = await pushCatalogue(api, lang);
      if (!out.sent && !out.check) return { intent: 'info', text: said(cm.nothing_to_push) };
      return { intent: out.refused || out.check ? 'warning' : 'success', text: said(cm.pushed, out) };
    });
  const importSheet = () => work.run(async () => importActiveSheet(api, lang));
  return (
    <section className={ui.stack} aria-label={format(m.tab_catalogue, {}, lang)}>
      <Text size={200}>{t('hint')}</Text>
      <div className={ui.row}>
        <Button appearance="primary" disabled={work.busy} onClick={() => void pull()}>
          {t('pull')}
        </Button>
        <Button disabled={work.busy || viewer} onClick={() => void push()}>
          {t('push')}
        </Button>
        <Button disabled={work.busy || viewer} onClick={() => void importSheet()}>
          {t('import_sheet')}
        </Button>
      </div>
      {viewer && <Text size={200}>{t('viewer')}</Text>}
      <WorkStatus work={work} lang={lang} />
      <WarehouseSection lang={lang} state={warehouses} />
    </section>
  );
}
