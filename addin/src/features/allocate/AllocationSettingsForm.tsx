// The shop's allocation setting in the 할당 tab (it needed PUT /api/allocation/settings by hand): whether held orders
// receive stock, and the channel priority — orders of the channels listed first are served first, after the
// priority flag (우선순위), before the order rule. Channels are named as orders carry them: a mall account's name,
// 직거래, 매장출고 or a buyer's. Everyone sees it; admins change it — once it has loaded: the form's blanks are not
// the shop's setting, and saving them would wipe its channel priority.
import { Button, Caption1, Field, Switch, Textarea } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { AllocationSettings } from '../../../../shared/api/allocation.schema.ts';
import { format, type Lang } from '../../../../shared/i18n.ts';
import { allocationSettingsOf, saveAllocationSettings } from '../../api/allocation.ts';
import type { Api } from '../../api/client.ts';
import { useLayout } from '../../styles.ts';
import { errorText } from '../work.tsx';
import { allocateMessages as am } from './allocate-messages.ts';

/** One channel per line, as typed: blank lines and repeats dropped. */
export const channelsOf = (text: string): string[] => [
  ...new Set(
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  ),
];

export function AllocationSettingsForm({ api, lang, admin, channels }: { api: Api; lang: Lang; admin: boolean; channels: readonly string[] }) {
  const t = (key: keyof typeof am, params = {}) => format(am[key], params, lang);
  const ui = useLayout();
  const [held, setHeld] = useState(false);
  const [text, setText] = useState('');
  const [said, setSaid] = useState<{ text: string; alert: boolean } | null>(null);
  const [saving, setSaving] = useState(false);
  // Whether the shop's setting is shown: until then (loading, or the load failed) nothing can be saved over it.
  const [loaded, setLoaded] = useState<'loading' | 'failed' | 'ready'>('loading');
  const show = (s: AllocationSettings) => {
    setHeld(s.allocate_held);
    setText(s.channel_priority.join('\n'));
  };
  const load = () => {
    setLoaded('loading');
    setSaid(null);
    allocationSettingsOf(api)
      .then((s) => {
        show(s);
        setLoaded('ready');
      })
      .catch((e: unknown) => {
        setLoaded('failed');
        setSaid({ text: t('settings_load_failed', { error: errorText(e, lang) }), alert: true });
      });
  };
  useEffect(load, [api]);
  const ready = loaded === 'ready';
  const save = () => {
    setSaving(true);
    saveAllocationSettings(api, { allocate_held: held, channel_priority: channelsOf(text) })
      .then((s) => {
        show(s);
        setSaid({ text: t('settings_saved'), alert: false });
      })
      .catch((e: Error) => setSaid({ text: e.message, alert: true }))
      .finally(() => setSaving(false));
  };
  return (
    <div className={ui.stack} role="group" aria-label={t('settings')}>
      <Caption1>{t('settings')}</Caption1>
      <Switch label={t('allocate_held')} checked={held} disabled={!admin || !ready} onChange={(_, d) => setHeld(d.checked)} />
      <Field label={t('channel_priority')} hint={channels.length ? t('channel_known', { list: channels.join(', ') }) : undefined}>
        <Textarea value={text} disabled={!admin || !ready} resize="vertical" onChange={(_, d) => setText(d.value)} />
      </Field>
      {admin ? (
        <Button size="small" disabled={saving || !ready} onClick={save}>
          {t('settings_save')}
        </Button>
      ) : (
        <Caption1>{t('settings_admin_only')}</Caption1>
      )}
      {loaded === 'loading' && <Caption1 role="status">{t('settings_loading')}</Caption1>}
      {said && <Caption1 role={said.alert ? 'alert' : 'status'}>{said.text}</Caption1>}
      {loaded === 'failed' && (
        <Button size="small" onClick={load}>
          {t('settings_reload')}
        </Button>
      )}
    </div>
  );
}
