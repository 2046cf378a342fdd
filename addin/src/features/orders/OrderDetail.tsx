// The selected order beside the sheet (issue 13 §2), collapsible under the 주문 tab's actions: lines, boxes, claims,
// holds, memos and messages, and the full history (when, who, what: from → to, why). Memos and messages are added
// here. Sized for the 320 px pane: one entry a line, long text wraps.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Field,
  Option,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { Dropdown } from '../dropdown.tsx';
import { useState, type ReactNode } from 'react';
import type { OrderDetail as Detail } from '../../../../shared/api/order-views.schema.ts';
import { format, type Lang, type MessageText } from '../../../../shared/i18n.ts';
import { CLAIM_STATE_LABELS, CLAIM_TYPE_LABELS, STATUS_LABELS, type ClaimState, type Status } from '../../../../shared/lifecycle.ts';
import type { Api } from '../../api/client.ts';
import { courierLabel } from '../../sheet/cells.ts';
import { useLayout } from '../../styles.ts';
import { errorText } from '../work.tsx';
import { historyActionLabel, sendStatusLabel } from './history-labels.ts';
import { orderDetailMessages as dm } from './order-detail-messages.ts';
import { useOrderDetail } from './useOrderDetail.ts';
import { kstDateTime } from '../../../../shared/time.ts';

const wrap = { overflowWrap: 'anywhere', margin: 0, paddingLeft: '1.1em' } as const;

export function OrderDetailSection({ api, lang }: { api: Api; lang: Lang }) {
  const ui = useLayout();
  const { state, addNote } = useOrderDetail(api, lang);
  const t = (key: keyof typeof dm, params = {}) => format(dm[key], params, lang);
  return (
    <Accordion collapsible defaultOpenItems={['detail']}>
      <AccordionItem value="detail">
        <AccordionHeader size="small">{t('detail')}</AccordionHeader>
        <AccordionPanel>
          <section className={ui.stack} aria-label={t('detail')}>
            {state.kind === 'none' && <Caption1>{t('detail_hint')}</Caption1>}
            {state.kind === 'loading' && <Caption1>{t('detail_loading')}</Caption1>}
            {state.kind === 'several' && (
              <Text role="status">{t(state.atLeast ? 'detail_several_more' : 'detail_several', { count: state.count })}</Text>
            )}
            {state.kind === 'error' && <Text role="alert">{state.text}</Text>}
            {state.kind === 'order' && <OrderView order={state.order} lang={lang} addNote={addNote} />}
          </section>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

function OrderView({ order, lang, addNote }: { order: Detail; lang: Lang; addNote: (kind: 'memo' | 'message', body: string) => Promise<void> }) {
  const ui = useLayout();
  const t = (key: keyof typeof dm, params = {}) => format(dm[key], params, lang);
  const label = (m: MessageText | undefined, raw: string) => (m ? m[lang] : raw);
  const status = (s: string | null) => (s ? label(STATUS_LABELS[s as Status], s) : '—');
  // A claim's history moves between its own states (요청 → 완료 → 복원), not a line's statuses.
  const claimState = (s: string | null) => (s ? label(CLAIM_STATE_LABELS[s as ClaimState], s) : '—');
  const when = (at: string | null) => (at ? kstDateTime(at, lang) : '');
  const who = (id: string | null, type: 'user' | 'job' | 'system' = 'user') =>
    type === 'job' ? t('by_job') : type === 'system' || !id ? t('by_system') : (order.user_names?.[id] ?? id);
  const why = (reason: string | null) => (reason ? ` · ${t('reason', { reason })}` : '');

  return (
    <div className={ui.stack} data-order-id={order.id}>
      <Text weight="semibold">
        {/* An order with no mall number (직거래, an upload without one) by whom and when, not by our key. */}
        {order.mall_order_id
          ? t('detail_order', { order: order.mall_order_id, channel: order.channel_name })
          : t('detail_order_direct', { channel: order.channel_name, orderer: order.orderer_name, at: when(order.ordered_at ?? order.created_at) })}
      </Text>
      {order.deleted_at && (
        <Text role="status">
          {t('deleted', { at: when(order.deleted_at), who: who(order.deleted_by) })}
          {why(order.delete_reason)}
        </Text>
      )}
      <Part title={t('detail_lines', { count: order.lines.length })} empty={t('detail_none')}>
        {order.lines.map((l) => (
          <li key={l.id}>
            {l.product_name}
            {l.option_text ? ` / ${l.option_text}` : ''} × {l.quantity} · {status(l.status)}
          </li>
        ))}
      </Part>
      <Part title={t('detail_boxes', { count: order.boxes.length })} empty={t('detail_none')}>
        {order.boxes.map((b) => (
          <li key={b.id}>
            {b.courier ? courierLabel(b.courier, lang) : '—'} {b.tracking_number ?? ''} · {sendStatusLabel(b.send_status, lang)}
            {b.send_error ? ` · ${b.send_error}` : ''}
          </li>
        ))}
      </Part>
      <Part title={t('detail_claims', { count: order.claims.length })} empty={t('detail_none')}>
        {order.claims.map((c) => (
          <li key={c.id}>
            {CLAIM_TYPE_LABELS[c.type][lang]} {CLAIM_STATE_LABELS[c.state][lang]} × {c.quantity} · {when(c.requested_at)}
            {why(c.reason)}
            {/* A mall's claim decided here: whether the mall has heard it (클레임 처리 전송), and why not if it failed. */}
            {c.mall_decision && c.mall_decision_status && (
              <>
                {' · '}
                {t(`mall_decision_${c.mall_decision}`)} {t(`mall_decision_${c.mall_decision_status}`)}
                {c.mall_decision_error ? ` (${c.mall_decision_error})` : ''}
              </>
            )}
          </li>
        ))}
      </Part>
      <Part title={t('detail_holds', { count: order.holds.length })} empty={t('detail_none')}>
        {order.holds.map((h) => (
          <li key={h.id}>
            {when(h.held_at)} · {who(h.held_by)} · {h.reason}
            {h.released_at ? ` · ${t('hold_released', { at: when(h.released_at) })}` : ''}
          </li>
        ))}
      </Part>
      <Part title={t('detail_notes', { count: order.notes.length })} empty={t('detail_none')}>
        {order.notes.map((n) => (
          <li key={n.id}>
            [{t(n.kind === 'memo' ? 'note_memo' : 'note_message')}] {n.body} · {who(n.author_id)} · {when(n.created_at)}
          </li>
        ))}
      </Part>
      <NoteForm lang={lang} addNote={addNote} />
      <Part title={t('detail_history', { count: order.history.length })} empty={t('detail_none')}>
        {order.history.map((h) => (
          <li key={h.id}>
            {when(h.at)} · {who(h.actor_id, h.actor_type)} · {historyActionLabel(h.action, lang)}
            {/* A line's or a box's move names its statuses; the order's own entries (deleted, recipient edited) their action alone. */}
            {h.entity === 'order'
              ? ''
              : h.entity === 'claim'
                ? `: ${claimState(h.from_status)} → ${claimState(h.to_status)}`
                : `: ${status(h.from_status)} → ${status(h.to_status)}`}
            {why(h.reason)}
          </li>
        ))}
      </Part>
    </div>
  );
}

function Part({ title, empty, children }: { title: string; empty: string; children: ReactNode[] }) {
  const ui = useLayout();
  return (
    <div className={ui.tight} role="group" aria-label={title}>
      <Text weight="semibold" size={200}>
        {title}
      </Text>
      {children.length ? <ul style={wrap}>{children}</ul> : <Caption1>{empty}</Caption1>}
    </div>
  );
}

function NoteForm({ lang, addNote }: { lang: Lang; addNote: (kind: 'memo' | 'message', body: string) => Promise<void> }) {
  const ui = useLayout();
  const t = (key: keyof typeof dm, params = {}) => format(dm[key], params, lang);
  const [kind, setKind] = useState<'memo' | 'message'>('memo');
  const [body, setBody] = useState('');
  const [said, setSaid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const kindLabel = (k: 'memo' | 'message') => t(k === 'memo' ? 'note_memo' : 'note_message');
  const submit = async () => {
    setBusy(true);
    try {
      await addNote(kind, body.trim());
      setBody('');
      setSaid(t('note_added'));
    } catch (error) {
      setSaid(errorText(error, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={ui.tight}>
      <Field label={t('note_kind')}>
        <Dropdown
          lang={lang}
          aria-label={t('note_kind')}
          value={kindLabel(kind)}
          selectedOptions={[kind]}
          onOptionSelect={(_, d) => setKind((d.optionValue as 'memo' | 'message') ?? kind)}
        >
          <Option value="memo">{kindLabel('memo')}</Option>
          <Option value="message">{kindLabel('message')}</Option>
        </Dropdown>
      </Field>
      <Field label={t('note_body')}>
        <Textarea value={body} onChange={(_, d) => setBody(d.value)} resize="vertical" />
      </Field>
      <div className={ui.spread}>
        <Caption1 aria-live="polite">{said ?? ''}</Caption1>
        <Button disabled={busy || !body.trim()} onClick={() => void submit()}>
          {t('note_add')}
        </Button>
      </div>
    </div>
  );
}
