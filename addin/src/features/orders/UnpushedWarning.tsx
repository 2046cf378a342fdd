// The unpushed-edits warning: which rows, and push first / go on anyway / cancel.
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { format, type Lang } from '../../../../shared/i18n.ts';
import { paneMessages as m } from '../../messages.ts';
import { useLayout } from '../../styles.ts';
import { layoutMessages as dm } from './layout-messages.ts';
import type { UnpushedPrompt } from './useUnpushedGuard.ts';

export function UnpushedWarning({ prompt, lang }: { prompt: UnpushedPrompt | null; lang: Lang }) {
  const ui = useLayout();
  // Shown below the tab's buttons, it may open out of sight in a 320 px pane (대역 관리 open above it): brought
  // into view, or the button seems to do nothing.
  const at = useRef<HTMLDivElement>(null);
  const shown = prompt?.text;
  useEffect(() => {
    if (shown) at.current?.scrollIntoView({ block: 'nearest' });
  }, [shown]);
  if (!prompt) return null;
  const title = format(dm.unpushed_title, {}, lang);
  return (
    <div ref={at} className={ui.stack} role="group" aria-label={title}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          {prompt.text}
          {` ${format(prompt.lost === 'all' ? dm.unpushed_lost : dm.unpushed_moved_lost, {}, lang)}`}
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
