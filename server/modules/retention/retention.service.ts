// Retention (PRODUCT.md §6, korean-oms.md §1): recipient data is kept only as long as it is needed. An order closed
// for longer than SHIPSHEET_RETENTION_DAYS (90 by default, as Korean sellers commonly do after purchase
// confirmation) has its orderer's and recipient's data masked for good: names 홍*동, phones 010-****-5678, the address
// down to its region, detail address, e-mail and delivery memo replaced by ***, names and numbers in its free text
// (hold and delete reasons, memos and messages, notes of returns received, claim and hold reasons, the reasons in
// the status history) masked — the viewers' masking (shared/mask-record.ts), written over
// the originals so nothing can bring them back. The order, its lines, amounts and tracking numbers stay for the
// records the law keeps for five years. Each run is recorded in the audit log (how many orders, the cutoff, who).
//
// Closed: every line of the order purchase-confirmed, cancelled, returned or exchanged — the statuses no action leaves
// except a restore (shared/lifecycle.ts); for an order no mall reports on (직거래, uploads), shipped or delivered too;
// since when: the latest such move in the status history. A deleted order is erased once deleted that long.
import { maskPersonalRecord, maskStoredText, namesOf } from '../../../shared/mask-record.ts';
import type { Status } from '../../../shared/lifecycle.ts';
import type { Db } from '../../db/knex.ts';
import type { Actor, RequestInfo } from '../../domain/actor.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import * as repo from '../orders/retention.repo.ts';
import { expireRecords } from '../orders/transition-batches.repo.ts';

export const CLOSED_STATUSES: readonly Status[] = ['PURCHASE_CONFIRMED', 'CANCELED', 'RETURNED', 'EXCHANGED'];
/** An order no mall reports on (직거래, uploads) is closed once shipped too: nobody will ever confirm it. */
const CLOSED: repo.ClosedStatuses = { mall: CLOSED_STATUSES, own: [...CLOSED_STATUSES, 'SHIPPED', 'IN_TRANSIT', 'DELIVERED'] };
export const DEFAULT_RETENTION_DAYS = 90;
/** Orders per transaction: short write locks on SQLite, bounded memory on either database. */
const BATCH = 500;

export type RetentionResult = { days: number; cutoff: string; orders: number };

export function retentionCutoff(days: number, now = new Date()): string {
  return new Date(now.getTime() - days * 86400_000).toISOString();
}

/** How many orders a run would erase now. */
export async function dryRun(db: Db, days: number, now = new Date()): Promise<RetentionResult> {
  const cutoff = retentionCutoff(days, now);
  return { days, cutoff, orders: await repo.countDue(db, CLOSED, cutoff) };
}

/** The order's personal fields as they are kept from now on. */
export function erasedFields(order: repo.PersonalOrder): Record<string, string | null> {
  const masked = maskPersonalRecord(order);
  const out: Record<string, string | null> = {};
  for (const f of repo.PERSONAL_ORDER_FIELDS) out[f] = masked[f] ?? null;
  // orderer_name may not be empty in the schema; a masked empty name stays empty text.
  out.orderer_name ??= '';
  return out;
}

/** Erases every due order, batch by batch, and records the run. */
export async function eraseClosedOrders(db: Db, actor: Actor, info: Partial<RequestInfo>, days: number, now = new Date()): Promise<RetentionResult> {
  const cutoff = retentionCutoff(days, now);
  const at = new Date().toISOString();
  let orders = 0;
  for (;;) {
    const done = await db.transaction(async (trx) => {
      const batch = await repo.dueBatch(trx, CLOSED, cutoff, BATCH);
      const names = new Map(batch.map((o) => [o.id, namesOf(o)]));
      for (const order of batch) await repo.overwriteOrder(trx, order.id, erasedFields(order), at);
      if (batch.length) {
        for (const piece of await repo.freeTextOf(trx, [...names.keys()])) {
          // A stored Message (a job's history reason) is masked in its parameters and stays a Message.
          const text = maskStoredText(piece.text, names.get(piece.order_id) ?? []);
          if (text !== piece.text) await repo.overwriteFreeText(trx, piece, text);
        }
      }
      return batch.length;
    });
    orders += done;
    if (done < BATCH) break;
  }
  // Undo records of bulk changes keep the values they overwrote (a hold's reason may name people): past the same
  // cutoff they go, and their changes can no longer be undone.
  const undoRecords = await expireRecords(db, cutoff);
  await writeAudit(db, actor, info, { action: 'retention.erase', entity: 'orders', detail: { orders, days, cutoff, undo_records: undoRecords } });
  return { days, cutoff, orders };
}
