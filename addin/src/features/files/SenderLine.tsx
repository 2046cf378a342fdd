// The sender (보내는 분) of booking files in one line, with "보내는 분 설정" opening a small form: admins save it,
// others see it read-only (the server refuses their change anyway).
import { Button, Field, Input, Text } from '@fluentui/react-components';
import { format, type Lang } from '../../../../shared/i18n.ts';
import { useLayout } from '../../styles.ts';
import { WorkStatus } from '../work.tsx';
import { senderMessages as sm, type SenderMessage } from './sender-messages.ts';
import { senderLine, type SenderField, type useSender } from './useSender.ts';

const FIELDS: { field: SenderField; label: SenderMessage; required?: boolean; inputMode?: 'tel' | 'numeric' }[] = [
  { field: 'name', label: 'sender_name', required: true },
  { field: 'phone', label: 'sender_phone', required: true, inputMode: 'tel' },
  { field: 'mobile', label: 'sender_mobile', inputMode: 'tel' },
  { field: 'zip', label: 'sender_zip', required: true, inputMode: 'numeric' },
  { field: 'address1', label: 'sender_address1', required: true },
  { field: 'address2', label: 'sender_address2' },
];

type Props = { lang: Lang; canEdit: boolean; state: ReturnType<typeof useSender> };

export function SenderLine({ lang, canEdit, state }: Props) {
  const ui = useLayout();
  const t = (key: SenderMessage) => format(sm[key], {}, lang);
  const { sender, loaded, loadError, open, form, invalid, work } = state;
  const summary = loadError ?? (!loaded ? t('sender_loading') : sender ? senderLine(sender) : t('sender_unset'));

  return (
    <div className={ui.tight} role="group" aria-label={t('sender_label')}>
      <div className={ui.spread}>
        <Text size={200} data-testid="sender-line" className={ui.grow}>
          <Text size={200} weight="semibold">{`${t('sender_label')}: `}</Text>
          {summary}
        </Text>
        <Button size="small" aria-expanded={open} onClick={state.toggle}>
          {open ? t('sender_close') : t('sender_edit')}
        </Button>
      </div>
      {open && (
        <div className={ui.stack} data-testid="sender-form">
          {FIELDS.map(({ field, label, required, inputMode }) => (
            <Field
              key={field}
              label={t(label)}
              required={canEdit && !!required}
              {...(invalid === field ? { validationState: 'error' as const } : {})}
            >
              <Input
                value={form[field]}
                readOnly={!canEdit}
                {...(inputMode ? { inputMode } : {})}
                onChange={(_, d) => state.change(field, d.value)}
              />
            </Field>
          ))}
          {canEdit ? (
            <div className={ui.row}>
              <Button appearance="primary" disabled={work.busy} onClick={state.save}>
                {t('sender_save')}
              </Button>
            </div>
          ) : (
            <Text size={200}>{t('sender_read_only')}</Text>
          )}
          <WorkStatus work={work} lang={lang} />
        </div>
      )}
    </div>
  );
}
