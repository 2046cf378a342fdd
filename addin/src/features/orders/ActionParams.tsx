// What a selection action asks before it runs, under the action menu: a reason, a claim's type, stage and quantity,
// a flag on or off, the restore warning to confirm. Native selects keep it compact at 320 px.
import { Checkbox, Field, Input, Select, Text } from '@fluentui/react-components';
import type { Lang } from '../../../../shared/i18n.ts';
import { CLAIM_TYPE_LABELS, CLAIM_TYPES } from '../../../../shared/lifecycle.ts';
import { useLayout } from '../../styles.ts';
import { MENU_FLAGS, flagLabel, needs, restoreWarning, type ActionParams as Params, type SelectionAction } from './action-menu.ts';
import { actionMessages as am } from './action-messages.ts';

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
          <Choice
            label={t(am.claim_type)}
            value={params.claimType}
            options={CLAIM_TYPES.map((c) => [c, t(CLAIM_TYPE_LABELS[c])])}
            onChange={(claimType) => onChange({ claimType })}
          />
          <Choice
            label={t(am.claim_state)}
            value={params.claimState}
            options={[
              ['requested', t(am.claim_requested)],
              ['completed', t(am.claim_completed)],
            ]}
            onChange={(claimState) => onChange({ claimState })}
          />
        </div>
      )}
      {n.claim && (
        <div className={ui.rowEnd}>
          <Choice
            label={t(am.claim_scope)}
            value={params.partial ? 'partial' : 'whole'}
            options={[
              ['whole', t(am.claim_whole)],
              ['partial', t(am.claim_partial)],
            ]}
            onChange={(scope) => onChange({ partial: scope === 'partial' })}
          />
          {params.partial && (
            <Field label={t(am.quantity)} className={ui.grow}>
              <Input type="number" min={1} value={params.quantity} onChange={(_, d) => onChange({ quantity: d.value })} />
            </Field>
          )}
        </div>
      )}
      {n.flags && (
        <div className={ui.row}>
          <Choice
            label={t(am.flag)}
            value={params.flag}
            options={MENU_FLAGS.map((f) => [f, flagLabel(f, lang)])}
            onChange={(flag) => onChange({ flag })}
          />
          <Choice
            label={t(am.flag_set)}
            value={params.flagOn ? 'on' : 'off'}
            options={[
              ['on', t(am.flag_on)],
              ['off', t(am.flag_off)],
            ]}
            onChange={(on) => onChange({ flagOn: on === 'on' })}
          />
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

/** One labelled native select over a few named values. */
function Choice<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange: (value: T) => void;
}) {
  const ui = useLayout();
  return (
    <Field label={label} className={ui.grow}>
      <Select value={value} onChange={(_, d) => onChange(d.value as T)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </Select>
    </Field>
  );
}
