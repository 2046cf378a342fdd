// The unpushed-edits warning: which rows, and push first / go on anyway / cancel.
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { format, type Lang } from '../../../../shared/i18n.ts';
import { paneMessages as m } from '../../messages.ts';
import { useLayout } from '../../styles.ts';
import { layoutMessages as dm } from './layout-messages.ts';
import type { UnpushedPrompt } from './useUnpushedGuard.ts';

export function UnpushedWarning({ prompt, lang }: { prompt: UnpushedPrompt | null; lang: Lang }) {
  const ui = useLayout();
  if (!prompt) return null;
  const title = format(dm.unpushed_title, {}, lang);
  return (
    <div className={ui.stack} role="group" aria-label={title}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          {prompt.text}
          {prompt.lost ? ` ${format(dm.unpushed_lost, {}, lang)}` : ''}
        </MessageBarBody>
      </MessageBar>
      <div className={ui.row}>
        <Button appearance="primary" onClick={prompt.pushFirst}>
          {format(dm.push_first, {}, lang)}
        </Button>
        <Button onClick={prompt.goAnyway}>{format(dm.go_anyway, {}, lang)}</Button>
        <Button onClick={prompt.cancel}>{format(m.cancel, {}, lang)}</Button>
      </div>
    </div>
  );
}
