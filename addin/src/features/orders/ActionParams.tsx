// What a selection action asks before it runs, under the action menu: a reason, a claim's type, stage and quantity,
// a flag on or off, the restore warning to confirm. Native selects keep it compact at 320 px.
import { Checkbox, Field, Input, Select, Text } from '@fluentui/react-components';
import type { Lang } from '../../../../shared/i18n.ts';
import { CLAIM_TYPES, type ClaimType } from '../../../../shared/lifecycle.ts';
import { useLayout } from '../../styles.ts';
import { MENU_FLAGS, flagLabel, needs, restoreWarning, type ActionParams as Params, type MenuFlag, type SelectionAction } from './action-menu.ts';
import { actionMessages as am } from './action-messages.ts';

const CLAIM_LABELS = { cancel: am.claim_cancel, return: am.claim_return, exchange: am.claim_exchange } as const;

export function ActionParams({
  action,
  params,
  onChange,
  lang,
}: {
  action: SelectionAction;
  params: Params;
  onChange: (patch: Partial<Params>) => void;
  lang: Lang;
}) {
  const ui = useLayout();
  const n = needs(action);
  const t = (m: { ko: string; en: string }) => m[lang];
  if (!n.reason && !n.claim && !n.flags && !n.restoreWarning) return null;
  return (
    <div className={ui.stack} role="group" aria-label={t(am.params)} data-testid="action-params">
      {n.claim && (
        <div className={ui.row}>
          <Field label={t(am.claim_type)} className={ui.grow}>
            <Select value={params.claimType} onChange={(_, d) => onChange({ claimType: d.value as ClaimType })}>
              {CLAIM_TYPES.map((c) => (
                <option key={c} value={c}>
                  {t(CLAIM_LABELS[c])}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t(am.claim_state)} className={ui.grow}>
            <Select value={params.claimState} onChange={(_, d) => onChange({ claimState: d.value as Params['claimState'] })}>
              <option value="requested">{t(am.claim_requested)}</option>
              <option value="completed">{t(am.claim_completed)}</option>
            </Select>
          </Field>
        </div>
      )}
      {n.claim && (
        <div className={ui.rowEnd}>
          <Field label={t(am.claim_scope)} className={ui.grow}>
            <Select value={params.partial ? 'partial' : 'whole'} onChange={(_, d) => onChange({ partial: d.value === 'partial' })}>
              <option value="whole">{t(am.claim_whole)}</option>
              <option value="partial">{t(am.claim_partial)}</option>
            </Select>
          </Field>
          {params.partial && (
            <Field label={t(am.quantity)} className={ui.grow}>
              <Input type="number" min={1} value={params.quantity} onChange={(_, d) => onChange({ quantity: d.value })} />
            </Field>
          )}
        </div>
      )}
      {n.flags && (
        <div className={ui.row}>
          <Field label={t(am.flag)} className={ui.grow}>
            <Select value={params.flag} onChange={(_, d) => onChange({ flag: d.value as MenuFlag })}>
              {MENU_FLAGS.map((f) => (
                <option key={f} value={f}>
                  {flagLabel(f, lang)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t(am.flag_set)} className={ui.grow}>
            <Select value={params.flagOn ? 'on' : 'off'} onChange={(_, d) => onChange({ flagOn: d.value === 'on' })}>
              <option value="on">{t(am.flag_on)}</option>
              <option value="off">{t(am.flag_off)}</option>
            </Select>
          </Field>
        </div>
      )}
      {n.reason && (
        <Field label={t(n.reason === 'required' ? am.reason : am.reason_optional)} required={n.reason === 'required'}>
          <Input value={params.reason} maxLength={500} onChange={(_, d) => onChange({ reason: d.value })} />
        </Field>
      )}
      {n.restoreWarning && (
        <div className={ui.tight} data-testid="restore-warning">
          <Text weight="semibold">{restoreWarning(lang)}</Text>
          <Checkbox
            label={t(am.restore_confirm)}
            checked={params.restoreConfirmed}
            onChange={(_, d) => onChange({ restoreConfirmed: d.checked === true })}
          />
        </div>
      )}
    </div>
  );
}
