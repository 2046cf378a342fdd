// The shop's allocation setting in the 할당 tab (it needed PUT /api/allocation/settings by hand): whether held orders
// receive stock, and the channel priority — orders of the channels listed first are served first, after the
// priority flag (우선순위), before the order rule. Channels are named as orders carry them: a mall account's name,
// 직거래, 매장출고 or a buyer's. Everyone sees it; admins change it.
import { Button, Caption1, Field, Switch, Textarea } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { AllocationSettings } from '../../../../shared/api/allocation.schema.ts';
import { format, type Lang } from '../../../../shared/i18n.ts';
import { allocationSettingsOf, saveAllocationSettings } from '../../api/allocation.ts';
import type { Api } from '../../api/client.ts';
import { useLayout } from '../../styles.ts';
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
  const show = (s: AllocationSettings) => {
    setHeld(s.allocate_held);
    setText(s.channel_priority.join('\n'));
  };
  useEffect(() => {
    allocationSettingsOf(api)
      .then(show)
      .catch((e: Error) => setSaid({ text: e.message, alert: true }));
  }, [api]);
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
      <Switch label={t('allocate_held')} checked={held} disabled={!admin} onChange={(_, d) => setHeld(d.checked)} />
      <Field label={t('channel_priority')} hint={channels.length ? t('channel_known', { list: channels.join(', ') }) : undefined}>
        <Textarea value={text} disabled={!admin} resize="vertical" onChange={(_, d) => setText(d.value)} />
      </Field>
      {admin ? (
        <Button size="small" disabled={saving} onClick={save}>
          {t('settings_save')}
        </Button>
      ) : (
        <Caption1>{t('settings_admin_only')}</Caption1>
      )}
      {said && <Caption1 role={said.alert ? 'alert' : 'status'}>{said.text}</Caption1>}
    </div>
  );
}
