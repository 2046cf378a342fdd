// The scan tab (스캔, 송장 스캔 검수): one field that keeps the focus, for a barcode scanner that types and presses
// Enter. A tracking number opens its box (the SKUs it should hold, counted as they are scanned); a wrong or extra
// item shows red with a buzz; a complete box ships with a blip. 보류 sets a partial box aside with a reason; the
// sheet button verifies a sheet a scanner filled (송장번호, 바코드) and writes each row's result beside it.
import { Button, Caption1, Card, Field, Input, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import { useLayout } from '../../styles.ts';
import { said, saidText, useWork, WorkStatus } from '../work.tsx';
import { scanPaneMessages as m } from './scan-messages.ts';
import { verifyActiveSheet } from './scan-sheet.ts';
import { useScan } from './useScan.ts';

export function ScanPane({ api, lang, active }: { api: Api; lang: Lang; active: boolean }) {
  const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
  const ui = useLayout();
  const s = useScan(api, lang);
  const work = useWork(lang);
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const focus = () => field.current?.focus();
  // Tab (or Shift+Tab) out of the field is the operator leaving it on purpose, for 보류, 초기화 or the sheet button:
  // the field does not take the focus back then (it did, and a keyboard could never leave it).
  const leavingByKey = useRef(false);

  useEffect(() => {
    if (active) focus();
  }, [active, s.box, s.busy]);

  const submit = () => {
    const code = text;
    setText('');
    void s.scan(code).then(focus);
  };

  return (
    <section className={ui.stack} aria-label={t('sc_title')}>
      <Field label={t('sc_input')}>
        <Input
          ref={field}
          value={text}
          data-testid="scan-input"
          autoComplete="off"
          onChange={(_, d) => setText(d.value)}
          onKeyDown={(e) => {
            if (e.key === 'Tab') leavingByKey.current = true;
            if (e.key === 'Enter') {
              e.preventDefault();
              submit();
            }
          }}
          // Back to the field after a click elsewhere in the pane (not when another field took the focus, nor after Tab).
          onBlur={(e) => {
            const byKey = leavingByKey.current;
            leavingByKey.current = false;
            if (byKey) return;
            if (!e.relatedTarget || !(e.relatedTarget instanceof HTMLInputElement))
              setTimeout(() => active && !document.activeElement?.matches('input') && focus(), 0);
          }}
        />
      </Field>
      <Caption1>{t('sc_help')}</Caption1>
      {s.notice && (
        <MessageBar intent={s.notice.intent} data-testid="scan-notice" role={s.notice.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{saidText(s.notice.text, lang)}</MessageBarBody>
        </MessageBar>
      )}
      {s.box && (
        <Card size="small" data-testid="scan-box">
          <Text weight="semibold">{t('sc_box', { number: s.box.tracking_number, count: s.box.expected.length })}</Text>
          {s.box.expected.map((e) => {
            const scanned = s.counts.get(e.sku_id) ?? 0;
            return (
              <Caption1 key={e.sku_id} data-sku={e.code} data-done={scanned >= e.quantity ? 'yes' : 'no'}>
                {scanned >= e.quantity ? '✔ ' : ''}
                {t('sc_line', { code: e.code, name: e.name, scanned, expected: e.quantity })}
              </Caption1>
            );
          })}
          {s.box.lines
            .filter((l) => !l.matched)
            .map((l) => (
              <Caption1 key={l.line_id}>⚠ {[l.product_name, l.option_text].filter(Boolean).join(' ')}</Caption1>
            ))}
          <div className={ui.rowEnd}>
            <Field label={t('sc_reason')} className={ui.grow}>
              <Input value={reason} placeholder={t('sc_reason_placeholder')} onChange={(_, d) => setReason(d.value)} />
            </Field>
            <Button disabled={s.busy} onClick={() => void s.setAside(reason).then(focus)}>
              {t('sc_set_aside')}
            </Button>
          </div>
          <Button size="small" onClick={() => (s.reset(), focus())}>
            {t('sc_reset')}
          </Button>
        </Card>
      )}
      <Button
        disabled={work.busy}
        onClick={() =>
          void work.run(async (step) => {
            step(t('sc_verifying'), undefined, false);
            return said(m.sc_sheet_done, { ...(await verifyActiveSheet(api, lang)) });
          })
        }
      >
        {t('sc_sheet')}
      </Button>
      <WorkStatus work={work} lang={lang} />
    </section>
  );
}
