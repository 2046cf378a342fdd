// The mall's receiver as our order's recipient cells: collect writes them, sync compares and applies them — one
// mapping, so a change to it can never make every collected order look changed at the mall.
import type { MallOrder } from '../connectors/types.ts';

export const recipientCells = (r: Pick<MallOrder, 'recipient' | 'deliveryMemo'>) => ({
  recipient_name: r.recipient.name,
  recipient_phone: r.recipient.phone,
  recipient_mobile: r.recipient.mobile,
  recipient_zip: r.recipient.zip,
  recipient_address1: r.recipient.address1,
  recipient_address2: r.recipient.address2,
  delivery_memo: r.deliveryMemo,
});
