// Direct trade / wholesale orders entered on a sheet and created here, a result per row.
import { Button, Caption1 } from '@fluentui/react-components';
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import { paneMessages as m } from '../../messages.ts';
import { useLayout } from '../../styles.ts';
import { WorkStatus } from '../work.tsx';
import { useDirect } from './useDirect.ts';

export function DirectPane({ api, lang }: { api: Api; lang: Lang }) {
  const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
  const ui = useLayout();
  const { work, template, create } = useDirect(api, lang);
  return (
    <section className={ui.stack} aria-label={t('tab_direct')}>
      <Caption1>{t('direct_help')}</Caption1>
      <div className={ui.row}>
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
