// The merge tab (합포): preview into the 합포 sheet, decide each review group (합포 / 따로), apply, and undo the last
// batch. Fits Excel's 320 px pane. A sale day has thousands of review groups: their cards come a page at a time
// (더 보기), and each card is memoized, so a decision re-renders its own card alone.
import { Badge, Button, Caption1, Card, Text, ToggleButton } from '@fluentui/react-components';
import { memo, useEffect } from 'react';
import type { MergePreview, MergePreviewLine } from '../../../../shared/api/merge.schema.ts';
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import { paneMessages } from '../../messages.ts';
import { useLayout } from '../../styles.ts';
import { WorkStatus } from '../work.tsx';
import { mergeMessages as m } from './merge-messages.ts';
import { reasonText } from './merge-sheet.ts';
import type { Decision } from './merge-review.ts';
import { useMerge } from './useMerge.ts';
import { ReasonPrompt } from '../reason/ReasonPrompt.tsx';

export function MergePane({ api, lang, active, role }: { api: Api; lang: Lang; active: boolean; role: string }) {
  const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
  const ui = useLayout();
  const s = useMerge(api, lang);
  const { loadLast } = s;
  useEffect(() => {
    if (active) void loadLast();
    // Only on opening the tab: a release with auto-merge elsewhere makes a batch.
  }, [active]);
  const viewer = role === 'viewer';

  return (
    <section className={ui.stack} aria-label={format(paneMessages.tab_merge, {}, lang)}>
      <Caption1>{t('mg_help')}</Caption1>
      <div className={ui.row}>
        <Button appearance="primary" disabled={s.work.busy} onClick={() => s.runPreview(viewer)}>
          {t('mg_preview')}
        </Button>
        {s.preview && s.preview.lines.length > 0 && (
          <Button appearance="primary" disabled={s.work.busy || viewer || s.groupCount === 0} onClick={() => void s.apply()}>
            {t('mg_apply', { count: s.groupCount })}
          </Button>
        )}
      </div>
      {viewer && <Caption1>{t('mg_viewer')}</Caption1>}
      <ReasonPrompt prompt={s.reasonPrompt} lang={lang} />
      <WorkStatus work={s.work} lang={lang} />
      {s.preview && s.preview.reviews.length > 0 && (
        <>
          <Text weight="semibold">{t('mg_reviews', { count: s.preview.reviews.length, decided: s.decided })}</Text>
          <div className={ui.cards}>
            {s.reviews.map((r) => (
              <ReviewCard
                key={r.review}
                review={r}
                linesByOrder={s.linesByOrder}
                lang={lang}
                decision={s.decisions.get(r.review)}
                onDecide={s.decide}
              />
            ))}
          </div>
          {s.reviews.length < s.preview.reviews.length && (
            <Button onClick={s.showMore}>{t('mg_more', { shown: s.reviews.length, count: s.preview.reviews.length })}</Button>
          )}
        </>
      )}
      {s.last && (
        <Card size="small" data-testid="merge-last">
          <Caption1>{t('mg_last', { groups: s.last.groups, lines: s.last.lines, auto: s.last.source === 'auto' ? t('mg_auto') : '' })}</Caption1>
          <Button size="small" disabled={s.work.busy || viewer} onClick={() => void s.undo()}>
            {t('mg_undo')}
          </Button>
        </Card>
      )}
    </section>
  );
}

type Review = MergePreview['reviews'][number];

type ReviewCardProps = {
  review: Review;
  /** The preview's first line of each order (one per preview: the same map for every card). */
  linesByOrder: ReadonlyMap<string, MergePreviewLine>;
  lang: Lang;
  decision: Decision | undefined;
  /** Stable across renders (useMerge), so that only the card whose decision changed renders again. */
  onDecide: (review: string, decision: Decision) => void;
};

const ReviewCard = memo(function ReviewCard({ review, linesByOrder, lang, decision, onDecide }: ReviewCardProps) {
  const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
  const ui = useLayout();
  const who = linesByOrder.get(review.clusters[0]![0]!);
  return (
    <Card size="small" data-review={review.review}>
      <div className={ui.spread}>
        <Text weight="semibold">
          {review.review} {who?.recipient_name ?? ''}
        </Text>
        <Badge shape="rounded" color="warning" className={ui.badge}>
          {reasonText(review.reason, lang)}
        </Badge>
      </div>
      {review.clusters.map((cluster) => (
        <Caption1 key={cluster.join()}>{cluster.map((id) => linesByOrder.get(id)?.mall_order_id ?? id).join(', ')}</Caption1>
      ))}
      <div className={ui.row}>
        <ToggleButton size="small" checked={decision === 'accept'} onClick={() => onDecide(review.review, 'accept')}>
          {t('mg_accept')}
        </ToggleButton>
        <ToggleButton size="small" checked={decision === 'reject'} onClick={() => onDecide(review.review, 'reject')}>
          {t('mg_reject')}
        </ToggleButton>
      </div>
    </Card>
  );
});
