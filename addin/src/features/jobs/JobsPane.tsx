// Mall jobs from the pane: start collect / confirm / send / sync for chosen accounts and period, watch them move
// (the job feed), hear when one ends, and read — or write into a sheet — what failed and why.
import { Badge, Button, Caption1, Card, Checkbox, Field, Input, Label, Option, ProgressBar, Text } from '@fluentui/react-components';
import { Dropdown } from '../dropdown.tsx';
import { useState } from 'react';
import {
  FINISHED_JOB_STATES as FINISHED,
  JOB_TYPE_LABELS,
  JOB_TYPE_NAMES as TYPES,
  type JobType,
  type JobView as Job,
} from '../../../../shared/api/jobs.schema.ts';
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import type { JobFeed } from '../../api/job-feed.ts';
import { paneMessages as m } from '../../messages.ts';
import { useLayout } from '../../styles.ts';
import type { Account } from '../accounts/useAccounts.ts';
import { WorkStatus, said, useWork } from '../work.tsx';
import { FAILURES_SHEET, failureLine } from './failure-sheet.ts';
import { useJobs } from './useJobs.ts';

export function JobsPane({ api, feed, lang, accounts }: { api: Api; feed: JobFeed; lang: Lang; accounts: Account[] }) {
  const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
  const ui = useLayout();
  const work = useWork(lang);
  const [type, setType] = useState<JobType>('collect');
  // Switched-off accounts are offered but not ticked: the server would refuse them (account_inactive).
  const [chosen, setChosen] = useState<string[]>(() => accounts.filter((a) => a.active !== false).map((a) => a.id));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const accountName = (id: string | null) => accounts.find((a) => a.id === id)?.display_name ?? '';
  const typeLabel = (job: Job) => JOB_TYPE_LABELS[job.type][lang];
  const stateLabel = (state: string) => t(`state_${state}` as keyof typeof m);
  const intentOf = (job: Job) => (job.state === 'succeeded' ? 'success' : job.state === 'partial' || job.state === 'canceled' ? 'warning' : 'error');
  /**
   * The notice of ended jobs: each named, the worst of them colouring it. Kept as words (a job's type and state in
   * both languages), so a switch of language words it again; an account's name is its own.
   */
  const endedNotice = (ended: readonly Job[]) => {
    const intents = new Set(ended.map(intentOf));
    const intent = intents.has('error') ? 'error' : intents.has('warning') ? 'warning' : 'success';
    const each = ended.map((j) =>
      said(m.job_ended_one, {
        type: JOB_TYPE_LABELS[j.type],
        account: accountName(j.mall_account_id),
        state: m[`state_${j.state}` as keyof typeof m],
      }),
    );
    return { intent, text: said(m.job_ended, { jobs: each }) } as const;
  };
  const jobs = useJobs(api, feed, (ended) => work.setNotice(endedNotice(ended)));

  const start = () =>
    work.run(async () => {
      const out = await jobs.start(type, chosen, from, to);
      // Why a job did not start is the server's (in the request's language); the account's name is its own.
      const refused = out.refused.map((i) => said(m.job_not_started, { account: accountName(i.mall_account_id), message: i.message }));
      // Jobs that ended before the answer came are told now (their end was heard while the start was still out).
      if (out.ended.length) {
        const done = endedNotice(out.ended);
        return { intent: refused.length ? 'warning' : done.intent, text: [done.text, ...refused] };
      }
      return { intent: refused.length ? 'warning' : 'info', text: [said(m.job_started, { count: out.started }), ...refused] };
    });
  const writeFailures = () =>
    work.run(async () => {
      const shown = jobs.failures;
      if (!shown) return '';
      const count = await jobs.writeFailures(typeLabel(shown.job), accountName(shown.job.mall_account_id), lang);
      return said(m.job_failures_written, { sheet: FAILURES_SHEET, count });
    });

  return (
    <section className={ui.stack} aria-label={t('tab_jobs')}>
      <Field label={t('job_type')}>
        <Dropdown
          lang={lang}
          aria-label={t('job_type')}
          value={JOB_TYPE_LABELS[type][lang]}
          selectedOptions={[type]}
          onOptionSelect={(_, d) => setType((d.optionValue as JobType) ?? type)}
        >
          {TYPES.map((k) => (
            <Option key={k} value={k}>
              {JOB_TYPE_LABELS[k][lang]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {/* A group, not a Field: a Field gives its one id to every control in it, so each label named the first box. */}
      <div role="group" aria-labelledby="job-accounts-label" className={ui.list}>
        <Label id="job-accounts-label">{t('job_accounts')}</Label>
        {!accounts.length && <Caption1>{t('job_no_accounts')}</Caption1>}
        {accounts.map((a) => (
          <Checkbox
            key={a.id}
            label={a.display_name}
            checked={chosen.includes(a.id)}
            onChange={(_, d) => setChosen((c) => (d.checked ? [...c, a.id] : c.filter((x) => x !== a.id)))}
          />
        ))}
      </div>
      {(type === 'collect' || type === 'sync') && (
        <Field label={t('job_period')}>
          <div className={ui.row}>
            <Input type="date" aria-label={t('filter_from')} value={from} onChange={(_, d) => setFrom(d.value)} />
            <Input type="date" aria-label={t('filter_to')} value={to} onChange={(_, d) => setTo(d.value)} />
          </div>
        </Field>
      )}
      <Button appearance="primary" disabled={work.busy || !chosen.length} onClick={start}>
        {t('job_start')}
      </Button>
      {/* Why 작업 시작 cannot be pressed, when the answer is not right above it. */}
      {accounts.length > 0 && !chosen.length && <Caption1>{t('job_choose_account')}</Caption1>}
      <WorkStatus work={work} lang={lang} />
      <Text weight="semibold">{t('job_recent')}</Text>
      {!jobs.jobs.length && <Caption1>{t('job_none')}</Caption1>}
      {jobs.jobs.map((job) => (
        <Card key={job.id} size="small" data-job={job.id} data-state={job.state}>
          <div className={ui.spread}>
            <Text>
              {typeLabel(job)} · {accountName(job.mall_account_id)}
            </Text>
            <Badge
              color={job.state === 'succeeded' ? 'success' : job.state === 'failed' ? 'danger' : job.state === 'partial' ? 'warning' : 'informative'}
            >
              {stateLabel(job.state)}
            </Badge>
          </div>
          {!FINISHED.has(job.state) && <ProgressBar {...(job.total ? { value: (job.ok + job.failed + job.skipped) / job.total } : {})} />}
          <Caption1>{t('job_progress', job)}</Caption1>
          {job.error && <Caption1>{job.error}</Caption1>}
          <div className={ui.row}>
            {!FINISHED.has(job.state) && (
              <Button size="small" onClick={() => jobs.cancel(job)}>
                {t('cancel')}
              </Button>
            )}
            {job.failed > 0 && (
              <Button size="small" onClick={() => void jobs.showFailures(job)}>
                {t('job_failures', { count: job.failed })}
              </Button>
            )}
          </div>
          {jobs.failures?.job.id === job.id && (
            <div className={ui.tight}>
              {jobs.failures.items.slice(0, 50).map((f, i) => (
                <Caption1 key={i}>{failureLine(f)}</Caption1>
              ))}
              <Button size="small" onClick={writeFailures}>
                {t('job_failures_to_sheet')}
              </Button>
            </div>
          )}
        </Card>
      ))}
    </section>
  );
}
