// 송장 대역 on the 송장 tab: what the chosen courier's bands have left, numbering the selected rows from them, and
// "대역 관리" opening the bands of that courier — admins register one and switch one off or on; others only look.
import { Button, Caption1, Field, Input, Text } from '@fluentui/react-components';
import { format, type Lang } from '../../../../shared/i18n.ts';
import { courierLabel } from '../../sheet/cells.ts';
import { useLayout } from '../../styles.ts';
import { WorkStatus } from '../work.tsx';
import { bandMessages as bm } from './band-messages.ts';
import type { useBands } from './useBands.ts';

type Props = {
  lang: Lang;
  courier: string;
  canEdit: boolean;
  /** Operators and admins number and print; viewers only look (the server refuses them anyway). */
  canUse: boolean;
  busy: boolean;
  state: ReturnType<typeof useBands>;
  onIssue: () => void;
  onPrint: () => void;
};

export function BandLine({ lang, courier, canEdit, canUse, busy, state, onIssue, onPrint }: Props) {
  const ui = useLayout();
  const t = (key: keyof typeof bm, params = {}) => format(bm[key], params, lang);
  const label = courierLabel(courier, lang);
  const summary =
    state.loadError ??
    (!state.loaded
      ? t('band_loading')
      : state.remaining
        ? t('band_left', { courier: label, count: state.remaining })
        : t(state.bands.length ? 'band_used_up' : 'band_none', { courier: label }));

  return (
    <div className={ui.tight} role="group" aria-label={t('band_label')}>
      <div className={ui.spread}>
        <Text size={200} data-testid="band-line" className={ui.grow}>
          <Text size={200} weight="semibold">{`${t('band_label')}: `}</Text>
          {summary}
        </Text>
        <Button size="small" aria-expanded={state.open} onClick={state.toggle}>
          {state.open ? t('band_close') : t('band_manage')}
        </Button>
      </div>
      <div className={ui.row}>
        <Button disabled={busy || !canUse || !state.remaining} onClick={onIssue}>
          {t('band_issue')}
        </Button>
        <Button disabled={busy || !canUse} onClick={onPrint}>
          {t('band_print')}
        </Button>
      </div>
      {state.open && (
        <div className={ui.stack} data-testid="band-form">
          <Caption1>{t('band_help')}</Caption1>
          {state.bands.map((b) => (
            <div key={b.id} className={ui.spread}>
              <Text size={200} className={ui.grow}>
                {t('band_row', { first: b.first_number, last: b.last_number, remaining: b.remaining })}
                {b.check_kind === 'mod7' ? t('band_mod7') : ''}
                {b.active ? '' : t('band_inactive')}
              </Text>
              {canEdit && (
                <Button size="small" disabled={state.work.busy} onClick={() => void state.switchBand(b)}>
                  {b.active ? t('band_off') : t('band_on')}
                </Button>
              )}
            </div>
          ))}
          {canEdit ? (
            <>
              <Field label={t('band_first')}>
                <Input inputMode="numeric" value={state.form.first} onChange={(_, d) => state.change('first', d.value)} />
              </Field>
              <Field label={t('band_last')}>
                <Input inputMode="numeric" value={state.form.last} onChange={(_, d) => state.change('last', d.value)} />
              </Field>
              <div className={ui.row}>
                <Button appearance="primary" disabled={state.work.busy} onClick={() => void state.add()}>
                  {t('band_add')}
                </Button>
              </div>
            </>
          ) : (
            <Text size={200}>{t('band_admin_only')}</Text>
          )}
          <WorkStatus work={state.work} lang={lang} />
        </div>
      )}
    </div>
  );
}
