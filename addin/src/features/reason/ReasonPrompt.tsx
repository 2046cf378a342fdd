// The once-a-session question asked before recipients leave ShipSheet in bulk: why (issue 10 §6). Shown by every pane
// that may hand out more than a screenful of them — a pull into the order sheet (주문, 현황), the 합포 preview — and
// remembered for the session (useReasonAsk).
import { Button, Text } from '@fluentui/react-components';
import { format, type Lang } from '../../../../shared/i18n.ts';
import { paneMessages as pm } from '../../messages.ts';
import { useLayout } from '../../styles.ts';
import { reasonMessages as rm } from './reason-messages.ts';
import { ReasonFields } from './ReasonFields.tsx';
import type { ReasonChoice, ReasonProblem } from './session-reason.ts';

export type ReasonAsk = {
  choice: ReasonChoice;
  problem: ReasonProblem | null;
  change: (choice: ReasonChoice) => void;
  confirm: () => void;
  cancel: () => void;
};

export function ReasonPrompt({ prompt, lang }: { prompt: ReasonAsk | null; lang: Lang }) {
  const ui = useLayout();
  if (!prompt) return null;
  return (
    <div className={ui.stack} role="group" aria-label={format(rm.reason, {}, lang)}>
      <Text>{format(rm.pull_reason_ask, {}, lang)}</Text>
      <ReasonFields choice={prompt.choice} onChange={prompt.change} problem={prompt.problem} lang={lang} />
      <div className={ui.row}>
        <Button appearance="primary" onClick={prompt.confirm}>
          {format(rm.pull_reason_confirm, {}, lang)}
        </Button>
        <Button onClick={prompt.cancel}>{format(pm.cancel, {}, lang)}</Button>
      </div>
    </div>
  );
}
