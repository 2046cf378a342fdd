// Long work in the pane: a progress line, a cancel button, and one message when it ends (what happened, or what
// to do about an error). Work checks `signal` between steps, so cancel stops it at the next block or page.
import { Button, MessageBar, MessageBarBody, ProgressBar, Text } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { format, type Lang } from '../../../shared/i18n.ts';
import { ExcelError, excelErrorText } from '../excel/errors.ts';
import { paneMessages as m } from '../messages.ts';
import { useLayout } from '../styles.ts';
import { said, saidText, type Said } from './said.ts';

export { said, saidJoined, saidText, type Said, type SaidParam, type SaidParams } from './said.ts';

export type Notice = { intent: 'success' | 'warning' | 'error' | 'info'; text: Said };
const isNotice = (done: Notice | Said): done is Notice => typeof done === 'object' && 'intent' in done;
/** Reports progress; also where cancel takes effect, unless the step is not `cancellable` (a sheet half written). */
export type Step = (text: string, fraction?: number, cancellable?: boolean) => void;

class Canceled extends Error {}

/** What an error says to the operator: Excel's in the pane's words, ours (already in the pane's language) as is. */
export function errorText(error: unknown, lang: Lang): string {
  if (error instanceof ExcelError) return excelErrorText(error, lang);
  return error instanceof Error ? error.message : String(error);
}

export function useWork(lang: Lang) {
  const [progress, setProgress] = useState<{ text: string; fraction?: number } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const controller = useRef<AbortController | null>(null);
  // The control that started the work: its button is disabled while the work runs, and a disabled button loses
  // the focus to the page, so a keyboard user would start again from the top. It gets the focus back at the end,
  // unless the operator has put it somewhere else meanwhile.
  const startedFrom = useRef<HTMLElement | null>(null);
  const busy = progress !== null;
  useEffect(() => {
    const from = startedFrom.current;
    if (busy || !from) return;
    startedFrom.current = null;
    const lost = !document.activeElement || document.activeElement === document.body;
    if (lost && from.isConnected) from.focus();
  }, [busy]);

  async function run(work: (step: Step, signal: AbortSignal) => Promise<Notice | Said>) {
    const abort = new AbortController();
    controller.current = abort;
    const active = document.activeElement;
    if (active instanceof HTMLElement && active !== document.body) startedFrom.current = active;
    setNotice(null);
    setProgress({ text: '…' });
    const step: Step = (text, fraction, cancellable = true) => {
      if (cancellable && abort.signal.aborted) throw new Canceled();
      setProgress({ text, ...(fraction === undefined ? {} : { fraction }) });
    };
    try {
      const done = await work(step, abort.signal);
      setNotice(isNotice(done) ? done : { intent: 'success', text: done });
    } catch (error) {
      if (error instanceof Canceled || abort.signal.aborted) setNotice({ intent: 'warning', text: said(m.canceled) });
      else setNotice({ intent: 'error', text: errorText(error, lang) });
    } finally {
      controller.current = null;
      setProgress(null);
    }
  }
  const cancel = () => controller.current?.abort();
  return { run, cancel, busy, progress, notice, setNotice };
}

export function WorkStatus({ work, lang }: { work: ReturnType<typeof useWork>; lang: Lang }) {
  const ui = useLayout();
  return (
    <div className={ui.status} aria-live="polite">
      {work.progress && (
        <div className={ui.tight} data-testid="progress">
          <ProgressBar {...(work.progress.fraction === undefined ? {} : { value: work.progress.fraction })} />
          <div className={ui.spread}>
            <Text size={200}>{work.progress.text}</Text>
            <Button size="small" onClick={work.cancel}>
              {format(m.cancel, {}, lang)}
            </Button>
          </div>
        </div>
      )}
      {work.notice && (
        <MessageBar intent={work.notice.intent} layout="multiline" data-testid="notice">
          <MessageBarBody>{saidText(work.notice.text, lang)}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
