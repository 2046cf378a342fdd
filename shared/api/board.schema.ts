// The status board (현황): counts of order lines an operator acts on, each with the lines-view filter that pulls
// exactly those lines (GET /api/order-lines and /columns take it as query fields), so a count and its pull agree.
import { z } from 'zod';
import type { MessageText } from '../i18n.ts';
import { PRE_SHIPMENT_STATUSES } from '../lifecycle.ts';
import { instant } from './common.schema.ts';

export const BOARD_COUNT_IDS = [
  'new_since_pull',
  'waiting_confirm',
  'waiting_release',
  'waiting_number',
  'invoiced',
  'shipped_not_sent',
  'send_failed',
  'cancel_requested',
  'return_requested',
  'exchange_requested',
  'hold',
  'unmatched',
  'sold_out',
  'mismatch',
] as const;
export type BoardCountId = (typeof BOARD_COUNT_IDS)[number];

/** A lines-view filter as query fields (text values, as a URL carries them). */
export type BoardFilter = Record<string, string>;

/** Flags matter while the goods have not left: a sold-out or unmatched line that was canceled needs nothing. */
const OPEN = PRE_SHIPMENT_STATUSES.join(',');

/**
 * The filter of each count. `new_since_pull` depends on the user's last pull (null: never pulled, every mall line
 * is new). Pure, so the server counts with the very filter the pane later pulls with.
 */
export function boardFilter(id: BoardCountId, lastPullAt: string | null): BoardFilter {
  switch (id) {
    case 'new_since_pull':
      return lastPullAt ? { source: 'mall', created_since: lastPullAt } : { source: 'mall' };
    case 'waiting_confirm':
      // Paid, not yet confirmed (발주확인): the start of the day's work, whether pulled before or not.
      return { status: 'PAID' };
    case 'waiting_release':
      return { status: 'NEW' };
    case 'waiting_number':
      // Released (출고지시), no tracking number yet, free to ship: the rows a desk numbers next (held, sold-out and
      // unmatched lines have their own counts and wait).
      return { status: 'READY', hold: 'false', sold_out: 'false', unmatched: 'false' };
    case 'invoiced':
      return { status: 'INVOICED' };
    case 'shipped_not_sent':
      // Shipped here, the number not yet accepted by the mall (failed sends included: they are not sent either).
      return { status: 'SHIPPED', source: 'mall', send_status: 'not_sent,failed' };
    case 'send_failed':
      return { send_status: 'failed' };
    case 'cancel_requested':
      return { status: 'CANCEL_REQUESTED' };
    case 'return_requested':
      return { status: 'RETURN_REQUESTED' };
    case 'exchange_requested':
      return { status: 'EXCHANGE_REQUESTED' };
    case 'hold':
      return { hold: 'true', status: OPEN };
    case 'unmatched':
      return { unmatched: 'true', status: OPEN };
    case 'sold_out':
      return { sold_out: 'true', status: OPEN };
    case 'mismatch':
      return { mismatch: 'true' };
  }
}

export const BOARD_LABELS: Record<BoardCountId, MessageText> = {
  new_since_pull: { ko: '새 주문 (마지막 불러오기 이후)', en: 'New since your last pull' },
  waiting_confirm: { ko: '결제완료, 발주확인 전', en: 'Paid, to be confirmed' },
  waiting_release: { ko: '출고대기 전 (신규주문)', en: 'Waiting to release (new)' },
  waiting_number: { ko: '출고대기, 송장 입력 전', en: 'Released, to be numbered' },
  invoiced: { ko: '송장출력, 미출고', en: 'Invoiced, not shipped' },
  shipped_not_sent: { ko: '출고완료, 송장 미전송', en: 'Shipped, number not sent' },
  send_failed: { ko: '송장전송 실패', en: 'Send failures' },
  cancel_requested: { ko: '취소요청', en: 'Cancel requests' },
  return_requested: { ko: '반품요청', en: 'Return requests' },
  exchange_requested: { ko: '교환요청', en: 'Exchange requests' },
  hold: { ko: '출고보류', en: 'On hold' },
  unmatched: { ko: '비매칭', en: 'Unmatched' },
  sold_out: { ko: '품절', en: 'Sold out' },
  mismatch: { ko: '쇼핑몰과 상태 불일치', en: 'Mall mismatches' },
};

export const boardCount = z.object({
  id: z.enum(BOARD_COUNT_IDS),
  /** Order lines (rows of the order sheet), deleted orders left out as the lines view does. */
  count: z.number().int().min(0),
  filter: z.record(z.string(), z.string()),
});

export const boardResponse = z.object({
  counts: z.array(boardCount),
  /** When this user last pulled lines into a sheet (GET /api/order-lines/columns with a reason); null: never. */
  last_pull_at: instant.nullable(),
});
export type BoardResponse = z.infer<typeof boardResponse>;
