// The CS tab: the CS lists pulled into sheets (회수지연, 클레임대기, 취소철회, 반품입고) and the actions that apply to the
// rows selected there — 보류 (hold the order, with a reason), 클레임 완료, 확인 (a withdrawn cancel seen), 정상 입고 /
// 불량 입고 (returned goods received). The sold-out list has its own tab (품절), linked from here.
import { Button, Caption1, Field, Input, Link } from '@fluentui/react-components';
import { useState } from 'react';
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import type { JobFeed } from '../../api/job-feed.ts';
import { followAutoJobs } from '../orders/push-work.ts';
import { useLayout } from '../../styles.ts';
import { said, useWork, WorkStatus } from '../work.tsx';
import { csPaneMessages as m } from './cs-messages.ts';
import { actOnSelected, pullCsList, type CsAction, type CsList } from './cs-sheet.ts';

export function CsPane({ api, feed, lang, role, openSoldOut }: { api: Api; feed: JobFeed; lang: Lang; role: string; openSoldOut: () => void }) {
  const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
  const ui = useLayout();
  const work = useWork(lang);
  const [list, setList] = useState<CsList | null>(null);
  const [reason, setReason] = useState('');
  const [warehouse, setWarehouse] = useState('');

  const pull = (which: CsList) =>
    work.run(async () => {
      const out = await pullCsList(api, lang, which);
      setList(which);
      // Kept as words and numbers: a switch of language words the notice again.
      return which === 'delayed'
        ? said(m.cs_pulled_delayed, { sheet: out.sheet, count: out.count, days: out.days ?? 0, flagged: out.flagged ?? 0 })
        : said(m.cs_pulled, { sheet: out.sheet, count: out.count });
    });

  const act = (action: CsAction) =>
    work.run(async (step, signal) => {
      if (!list) return { intent: 'warning', text: said(m.cs_no_sheet) };
      if (action === 'hold' && !reason.trim()) return { intent: 'warning', text: said(m.cs_reason_required) };
      const out = await actOnSelected(api, lang, list, action, reason.trim(), warehouse.trim());
      const done = said(m.cs_done, { applied: out.applied, refused: out.refused });
      // A mall's claim completed here goes to the mall (클레임 처리 전송): followed to its end, as the 주문 tab does.
      const auto = out.autoJobs.length ? await followAutoJobs(api, feed, out.autoJobs, lang, step, signal) : null;
      const text = [done, auto?.text ?? ''];
      return { intent: out.refused || auto?.warn ? 'warning' : 'success', text };
    });

  const viewer = role === 'viewer';
  return (
    <section className={ui.stack} aria-label="CS">
      <Caption1>{t('cs_help')}</Caption1>
      <div className={ui.cards}>
        <Button disabled={work.busy} onClick={() => void pull('delayed')}>
          {t('cs_pull_delayed')}
        </Button>
        <Button disabled={work.busy} onClick={() => void pull('claims')}>
          {t('cs_pull_claims')}
        </Button>
        <Button disabled={work.busy} onClick={() => void pull('withdrawn')}>
          {t('cs_pull_withdrawn')}
        </Button>
        <Button disabled={work.busy} onClick={() => void pull('returns')}>
          {t('cs_pull_returns')}
        </Button>
      </div>
      <Field label={t('cs_reason')}>
        <Input value={reason} placeholder={t('cs_reason_placeholder')} onChange={(_, d) => setReason(d.value)} />
      </Field>
      <div className={ui.row}>
        <Button disabled={work.busy || viewer || !list} onClick={() => void act('hold')}>
          {t('cs_hold')}
        </Button>
        <Button disabled={work.busy || viewer || !list || list === 'withdrawn' || list === 'returns'} onClick={() => void act('complete_claim')}>
          {t('cs_complete')}
        </Button>
        <Button disabled={work.busy || viewer || list !== 'withdrawn'} onClick={() => void act('acknowledge')}>
          {t('cs_ack')}
        </Button>
      </div>
      {list === 'returns' && (
        <>
          <Field label={t('cs_warehouse')}>
            <Input value={warehouse} placeholder={t('cs_warehouse_placeholder')} onChange={(_, d) => setWarehouse(d.value)} />
          </Field>
          <div className={ui.row}>
            <Button disabled={work.busy || viewer} onClick={() => void act('receive_sellable')}>
              {t('cs_receive_sellable')}
            </Button>
            <Button disabled={work.busy || viewer} onClick={() => void act('receive_defective')}>
              {t('cs_receive_defective')}
            </Button>
          </div>
          <Caption1>{t('cs_receive_help')}</Caption1>
        </>
      )}
      {viewer && <Caption1>{t('cs_viewer')}</Caption1>}
      <WorkStatus work={work} lang={lang} />
      <Caption1>
        {t('cs_sold_out')} ·{' '}
        <Link as="button" onClick={openSoldOut}>
          {t('cs_open_sold_out')}
        </Link>
      </Caption1>
    </section>
  );
}
