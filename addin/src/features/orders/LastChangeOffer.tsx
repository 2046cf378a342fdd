// 방금 한 작업 … 되돌리기: the offer of useLastChange, under the buttons that made the change.
import { Button, Text } from '@fluentui/react-components';
import { format, type Lang } from '../../../../shared/i18n.ts';
import { paneMessages as m } from '../../messages.ts';
import { useLayout } from '../../styles.ts';
import { actionLabel } from './action-menu.ts';
import type { LastChange } from './useLastChange.ts';

export function LastChangeOffer({ change, busy, onUndo, lang }: { change: LastChange | null; busy: boolean; onUndo: () => void; lang: Lang }) {
  const ui = useLayout();
  if (!change) return null;
  return (
    <div className={ui.spread} data-testid="last-change">
      <Text size={200}>{format(m.last_change, { action: actionLabel(change.action, lang), applied: change.applied }, lang)}</Text>
      <Button size="small" disabled={busy} onClick={onUndo}>
        {format(m.undo_change, {}, lang)}
      </Button>
    </div>
  );
}
