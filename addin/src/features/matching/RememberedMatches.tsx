// 기억된 매칭: the matches saved so far, searchable, each removable (a second click confirms: a removal sends
// waiting lines back to unmatched, so one stray click must not do it).
import { Badge, Button, Caption1, Card, Field, Input, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { MatchView } from '../../../../shared/api/matching.schema.ts';
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import { useLayout } from '../../styles.ts';
import { WorkStatus } from '../work.tsx';
import { rememberedMessages as m } from './remembered-messages.ts';
import { useRememberedMatches } from './useRememberedMatches.ts';

export function RememberedMatches({ api, lang, canWrite }: { api: Api; lang: Lang; canWrite: boolean }) {
  const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
  const ui = useLayout();
  const r = useRememberedMatches(api, lang);
  return (
    <section className={ui.stack} aria-label={t('rm_title')}>
      <Text weight="semibold">{t('rm_title')}</Text>
      <Caption1>{t('rm_help')}</Caption1>
      <div className={ui.rowEnd}>
        <Field label={t('rm_search')} className={ui.grow}>
          <Input value={r.query} onChange={(_, d) => r.setQuery(d.value)} onKeyDown={(e) => e.key === 'Enter' && void r.search()} />
        </Field>
        <Button disabled={r.work.busy} onClick={() => void r.search()}>
          {t('rm_find')}
        </Button>
      </div>
      <WorkStatus work={r.work} lang={lang} />
      {r.items?.length === 0 && <Caption1>{t('rm_none')}</Caption1>}
      <div className={ui.cards}>
        {r.items?.map((match) => (
          <MatchCard
            key={match.id}
            match={match}
            lang={lang}
            removed={r.removed.has(match.id)}
            busy={r.work.busy || !canWrite}
            onRemove={() => void r.remove(match)}
          />
        ))}
      </div>
      {r.cursor && (
        <Button disabled={r.work.busy} onClick={() => void r.more()}>
          {t('rm_more')}
        </Button>
      )}
    </section>
  );
}

function MatchCard(props: { match: MatchView; lang: Lang; removed: boolean; busy: boolean; onRemove: () => void }) {
  const { match, lang } = props;
  const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
  const ui = useLayout();
  const [confirming, setConfirming] = useState(false);
  return (
    <Card size="small" data-match={match.id}>
      <Text weight="semibold">{match.product_name}</Text>
      {match.option_text && <Caption1>{match.option_text}</Caption1>}
      <div className={ui.spread}>
        <Text>{match.sku_summary}</Text>
        {props.removed ? (
          <Badge color="informative">{t('rm_removed_badge')}</Badge>
        ) : (
          <Button
            size="small"
            appearance={confirming ? 'primary' : 'secondary'}
            disabled={props.busy}
            onClick={() => (confirming ? props.onRemove() : setConfirming(true))}
          >
            {confirming ? t('rm_confirm') : t('rm_remove')}
          </Button>
        )}
      </div>
    </Card>
  );
}
