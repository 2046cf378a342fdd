// Product matching (매칭): the unmatched products on a sheet, SKU codes typed beside them, saved in one push.
import { Button, Caption1 } from '@fluentui/react-components';
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import { paneMessages as m } from '../../messages.ts';
import { useLayout } from '../../styles.ts';
import { WorkStatus } from '../work.tsx';
import { RememberedMatches } from './RememberedMatches.tsx';
import { useMatching } from './useMatching.ts';

export function MatchingPane({ api, lang, role }: { api: Api; lang: Lang; role: string }) {
  const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
  const ui = useLayout();
  const { work, pull, push } = useMatching(api, lang);
  return (
    <section className={ui.stack} aria-label={t('tab_matching')}>
      <Caption1>{t('matching_help')}</Caption1>
      <div className={ui.row}>
        <Button disabled={work.busy} onClick={pull}>
          {t('matching_pull')}
        </Button>
        <Button appearance="primary" disabled={work.busy || role === 'viewer'} onClick={push}>
          {t('matching_push')}
        </Button>
      </div>
      {role === 'viewer' && <Caption1>{t('matching_viewer')}</Caption1>}
      <WorkStatus work={work} lang={lang} />
      <RememberedMatches api={api} lang={lang} canWrite={role !== 'viewer'} />
    </section>
  );
}
