// Mall jobs from the pane: start collect / confirm / send / sync for chosen accounts and period, watch them move
// (server-sent events), hear when one ends, and read — or write into a sheet — what failed and why.
import { Badge, Button, Caption1, Card, Checkbox, Dropdown, Field, Input, Label, Option, ProgressBar, Text } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { FINISHED_JOB_STATES as FINISHED, JOB_TYPE_NAMES as TYPES, type JobType, type JobView as Job } from '../../../../shared/api/jobs.schema.ts';
import { format, type Lang } from '../../../../shared/i18n.ts';
import { kstDayStart } from '../../../../shared/time.ts';
import type { Api } from '../../api/client.ts';
import { openEvents } from '../../api/events.ts';
import { writeTable } from '../../excel/sheets.ts';
import { paneMessages as m } from '../../messages.ts';
import type { Account } from '../accounts/Accounts.tsx';
import { WorkStatus, useWork } from '../work.tsx';

import { FAILURES_SHEET, FAILURE_SHEET_LAYOUT, failureLine, failureTable, type JobResult } from './failure-sheet.ts';

export function JobsPane({ api, lang, accounts }: { api: Api; lang: Lang; accounts: Account[] }) {
  const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
  const work = useWork(lang);
  const [type, setType] = useState<JobType>('collect');
  // Switched-off accounts are offered but not ticked: the server would refuse them (account_inactive).
  const [chosen, setChosen] = useState<string[]>(() => accounts.filter((a) => a.active !== false).map((a) => a.id));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [jobs, setJobs] = useState<Job[]>([]);
  const [failures, setFailures] = useState<{ job: Job; items: JobResult[] } | null>(null);
  const known = useRef(new Map<string, string>());
  const accountName = (id: string | null) => accounts.find((a) => a.id === id)?.display_name ?? '';
  const typeLabel = (job: Job) => t(`job_${job.type}` as keyof typeof m);
  const stateLabel = (state: string) => t(`state_${state}` as keyof typeof m);

  useEffect(() => {
    api.call<{ items: Job[] }>('GET', '/api/jobs?limit=20').then((r) => {
      for (const j of r.items) known.current.set(j.id, j.state);
      setJobs(r.items);
    }, () => undefined);
    // Opened with a single-use stream ticket (never the token in the URL); reconnects with a fresh one.
    const close = openEvents(api, '/api/jobs/events', {
      job: (data) => {
        const job = JSON.parse(data) as Job;
        const before = known.current.get(job.id);
        known.current.set(job.id, job.state);
        if (before && !FINISHED.has(before) && FINISHED.has(job.state)) {
          const intent = job.state === 'succeeded' ? 'success' : job.state === 'partial' || job.state === 'canceled' ? 'warning' : 'error';
          work.setNotice({ intent, text: t('job_ended', { type: typeLabel(job), account: accountName(job.mall_account_id), state: stateLabel(job.state) }) });
        }
        setJobs((list) => [job, ...list.filter((j) => j.id !== job.id)].sort((a, b) => b.created_at.localeCompare(a.created_at)).slice(0, 20));
      },
    });
    return close;
    // Subscribed once per sign-in; the labels it formats are read when an event arrives.
  }, [api]);

  const start = () =>
    work.run(async () => {
      const period = from && to ? { from: kstDayStart(from), to: new Date(Math.min(Date.now(), Date.parse(kstDayStart(to)) + 86_400_000 - 1000)).toISOString() } : {};
      const out = await api.call<{ items: { mall_account_id: string; started: boolean; job?: Job; message?: string }[] }>('POST', '/api/jobs', {
        type,
        mall_account_ids: chosen,
        ...period,
      });
      for (const i of out.items) if (i.job) known.current.set(i.job.id, i.job.state);
      setJobs((list) => [...out.items.flatMap((i) => (i.job ? [i.job] : [])), ...list.filter((j) => !out.items.some((i) => i.job?.id === j.id))]);
      const refused = out.items.filter((i) => !i.started).map((i) => t('job_not_started', { account: accountName(i.mall_account_id), message: i.message }));
      const started = out.items.filter((i) => i.started).length;
      return { intent: refused.length ? 'warning' : 'info', text: [t('job_started', { count: started }), ...refused].join(' ') };
    });

  const showFailures = async (job: Job) => {
    const r = await api.call<{ items: JobResult[] }>('GET', `/api/jobs/${job.id}/results?result=failed&limit=5000`);
    setFailures({ job, items: r.items });
  };
  const writeFailures = () =>
    work.run(async () => {
      if (!failures) return '';
      const { header, rows } = failureTable(typeLabel(failures.job), accountName(failures.job.mall_account_id), failures.items, lang);
      await writeTable({ name: FAILURES_SHEET, header, rows, ...FAILURE_SHEET_LAYOUT, headerTools: true, activate: true });
      return t('job_failures_written', { sheet: FAILURES_SHEET, count: rows.length });
    });

  return (
    <section style={{ display: 'grid', gap: 10 }} aria-label={t('tab_jobs')}>
      <Field label={t('job_type')}>
        <Dropdown aria-label={t('job_type')} value={t(`job_${type}`)} selectedOptions={[type]} onOptionSelect={(_, d) => setType((d.optionValue as JobType) ?? type)}>
          {TYPES.map((k) => (
            <Option key={k} value={k}>
              {t(`job_${k}`)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {/* A group, not a Field: a Field gives its one id to every control in it, so each label named the first box. */}
      <div role="group" aria-labelledby="job-accounts-label" style={{ display: 'grid' }}>
        <Label id="job-accounts-label">{t('job_accounts')}</Label>
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
          <div style={{ display: 'flex', gap: 8 }}>
            <Input type="date" aria-label={t('filter_from')} value={from} onChange={(_, d) => setFrom(d.value)} />
            <Input type="date" aria-label={t('filter_to')} value={to} onChange={(_, d) => setTo(d.value)} />
          </div>
        </Field>
      )}
      <Button appearance="primary" disabled={work.busy || !chosen.length} onClick={start}>
        {t('job_start')}
      </Button>
      <WorkStatus work={work} lang={lang} />
      <Text weight="semibold">{t('job_recent')}</Text>
      {jobs.map((job) => (
        <Card key={job.id} size="small" data-job={job.id} data-state={job.state}>
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <Text>
              {typeLabel(job)} · {accountName(job.mall_account_id)}
            </Text>
            <Badge color={job.state === 'succeeded' ? 'success' : job.state === 'failed' ? 'danger' : job.state === 'partial' ? 'warning' : 'informative'}>{stateLabel(job.state)}</Badge>
          </div>
          {!FINISHED.has(job.state) && <ProgressBar {...(job.total ? { value: (job.ok + job.failed + job.skipped) / job.total } : {})} />}
          <Caption1>{t('job_progress', job)}</Caption1>
          {job.error && <Caption1>{job.error}</Caption1>}
          <div style={{ display: 'flex', gap: 8 }}>
            {!FINISHED.has(job.state) && (
              <Button size="small" onClick={() => void api.call('POST', `/api/jobs/${job.id}/cancel`)}>
                {t('cancel')}
              </Button>
            )}
            {job.failed > 0 && (
              <Button size="small" onClick={() => void showFailures(job)}>
                {t('job_failures', { count: job.failed })}
              </Button>
            )}
          </div>
          {failures?.job.id === job.id && (
            <div style={{ display: 'grid', gap: 4 }}>
              {failures.items.slice(0, 50).map((f, i) => (
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
