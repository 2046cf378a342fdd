// The reason of a transfer of personal data: a short list, and words (required for 기타). Renders a choice held by
// the caller's hook; the checks are session-reason.ts's.
import { Field, Input, Option } from '@fluentui/react-components';
import { Dropdown } from '../dropdown.tsx';
import { EXPORT_REASONS, EXPORT_REASON_LABELS, REASON_TEXT_MAX, type ExportReason } from '../../../../shared/export-reasons.ts';
import { format, type Lang } from '../../../../shared/i18n.ts';
import { useLayout } from '../../styles.ts';
import { reasonMessages as m } from './reason-messages.ts';
import type { ReasonChoice, ReasonProblem } from './session-reason.ts';

export function ReasonFields({
  choice,
  onChange,
  problem,
  lang,
}: {
  choice: ReasonChoice;
  onChange: (choice: ReasonChoice) => void;
  problem?: ReasonProblem | null | undefined;
  lang: Lang;
}) {
  const ui = useLayout();
  const t = (key: keyof typeof m) => format(m[key], {}, lang);
  const other = choice.reason === 'other';
  return (
    <div className={ui.tight}>
      <Field label={t('reason')} required validationMessage={problem === 'reason_missing' ? t(problem) : undefined}>
        <Dropdown
          lang={lang}
          aria-label={t('reason')}
          placeholder={t('reason_choose')}
          value={choice.reason ? EXPORT_REASON_LABELS[choice.reason][lang] : ''}
          selectedOptions={choice.reason ? [choice.reason] : []}
          onOptionSelect={(_, d) => onChange({ ...choice, reason: (d.optionValue as ExportReason | undefined) ?? '' })}
        >
          {EXPORT_REASONS.map((r) => (
            <Option key={r} value={r}>
              {EXPORT_REASON_LABELS[r][lang]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {other && (
        <Field
          label={t('reason_text_other')}
          required
          validationMessage={problem === 'reason_text_missing' || problem === 'reason_text_long' ? t(problem) : undefined}
        >
          <Input
            aria-label={t('reason_text')}
            maxLength={REASON_TEXT_MAX}
            value={choice.text}
            onChange={(_, d) => onChange({ ...choice, text: d.value })}
          />
        </Field>
      )}
    </div>
  );
}
