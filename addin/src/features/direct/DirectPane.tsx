// Direct trade / wholesale orders entered on a sheet and created here, a result per row.
import { Button, Caption1 } from '@fluentui/react-components';
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import { paneMessages as m } from '../../messages.ts';
import { WorkStatus, useWork } from '../work.tsx';
import { DIRECT_SHEET, createDirectOrders, writeDirectTemplate } from './direct-sheet.ts';

export function DirectPane({ api, lang }: { api: Api; lang: Lang }) {
  const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
  const work = useWork(lang);
  const template = () =>
    work.run(async () => {
      await writeDirectTemplate(lang);
      return t('direct_template_ready', { sheet: DIRECT_SHEET });
    });
  const create = () =>
    work.run(async (step) => {
      const c = await createDirectOrders(api, lang, (done, total) => step(`${done}/${total}`, done / total, false));
      return { intent: c.failed ? 'warning' : 'success', text: t('direct_done', c) };
    });
  return (
    <section style={{ display: 'grid', gap: 10 }} aria-label={t('tab_direct')}>
      <Caption1>{t('direct_help')}</Caption1>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button disabled={work.busy} onClick={template}>
          {t('direct_template')}
        </Button>
        <Button appearance="primary" disabled={work.busy} onClick={create}>
          {t('direct_create')}
        </Button>
      </div>
      <WorkStatus work={work} lang={lang} />
    </section>
  );
}
