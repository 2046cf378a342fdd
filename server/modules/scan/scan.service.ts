// Scan-to-ship (송장 스캔 검수, seed 003): the tracking number opens a box with the SKUs it should hold; the scanned
// barcodes are checked against them (shared/scan/check-box.ts, the same check the pane makes as each scan comes);
// a complete, correct box ships through the orders engine's `ship` action, in one transaction with the versions
// the box was opened at. A partial box is set aside with the lifecycle's own hold (with the reason), so it stays
// out of every shipping step until someone releases it; no flag of our own.
import type { Knex } from 'knex';
import type { BoxVersions, ScanBox, VerifyResponse } from '../../../shared/api/scan.schema.ts';
import { AppError } from '../../../shared/errors.ts';
import { message, type Message } from '../../../shared/i18n.ts';
import { LEAVES_BOX, STATUS_LABELS, type Status } from '../../../shared/lifecycle.ts';
import { checkBox, normaliseScan, type ExpectedSku, type ScanProblem } from '../../../shared/scan/check-box.ts';
import { newId, ID_PREFIX } from '../../db/ids.ts';
import type { Db } from '../../db/knex.ts';
import type { Actor } from '../../domain/actor.ts';
import { applySteps } from '../orders/transitions.service.ts';
import { historyMessages, historyReason } from '../orders/history.messages.ts';
import { scanServiceMessages as m } from './scan.messages.ts';
import * as boxes from '../orders/scan-boxes.repo.ts';
import * as repo from './scan.repo.ts';
import { retryOnConflict } from '../../db/errors.ts';

type Conn = Db | Knex.Transaction;
/** The answers with their messages unrendered (the HTTP edge renders them in the caller's language). */
export type BoxView = Omit<ScanBox, 'blocks' | 'expected'> & {
  expected: ExpectedSku[];
  blocks: { code: ScanBox['blocks'][number]['code']; message: Message }[];
};
export type VerifyResult = Omit<VerifyResponse, 'message' | 'problems' | 'auto_jobs'> & {
  message: Message;
  problems: ScanProblem[];
  /** Accounts that send once shipped whose box this shipped (automation.ts): the route starts their send jobs. */
  auto_send_accounts: string[];
};

/** The history reason of a scanned shipment (a stored Message, said in each reader's language). */
export const SCAN_SHIP_REASON = historyReason(historyMessages.scan_shipped);

/** A scanned number as boxes keep it: no spaces or hyphens (scanners and sheets add both). */
export function scannedNumber(raw: string | number): string {
  return String(raw).trim().replace(/[\s-]/g, '');
}

type Opened = { box: boxes.BoxRow; lines: boxes.BoxLineRow[]; expected: ExpectedSku[]; view: BoxView };

/** A box and what it should hold, read in `db` (a transaction that locked the lines, when verifying). */
async function readBox(db: Conn, box: boxes.BoxRow, lock: boolean): Promise<Opened> {
  const lines = (await boxes.linesOfBox(db, box.id, lock)).filter((l) => !LEAVES_BOX.includes(l.status as Status) && !l.deleted_at);
  const skus = await repo.skusOfLines(
    db,
    lines.map((l) => l.line_id),
  );
  const barcodes = await repo.barcodesOf(
    db,
    skus.map((s) => s.sku_id),
  );
  const quantity = new Map(lines.map((l) => [l.line_id, l.quantity]));
  const bySku = new Map<string, ExpectedSku>();
  for (const s of skus) {
    const e = bySku.get(s.sku_id) ?? { sku_id: s.sku_id, code: s.code, name: s.name, barcodes: barcodes.get(s.sku_id) ?? [], quantity: 0 };
    e.quantity += s.per_unit * (quantity.get(s.line_id) ?? 0);
    bySku.set(s.sku_id, e);
  }
  const matched = new Set(skus.map((s) => s.line_id));
  const blocks: BoxView['blocks'] = [];
  const product = (l: boxes.BoxLineRow) => [l.mall_order_id, l.product_name, l.option_text].filter(Boolean).join(' ');
  for (const l of lines) {
    if (!matched.has(l.line_id)) blocks.push({ code: 'unmatched_line', message: message(m.unmatched_line, { product: product(l) }) });
    if (l.status !== 'INVOICED') {
      blocks.push({
        code: 'not_invoiced',
        message: message(m.not_invoiced, { product: product(l), status_label: STATUS_LABELS[l.status as Status] }),
      });
    }
  }
  const orders = [...new Map(lines.map((l) => [l.order_id, l])).values()];
  for (const o of orders) if (o.hold) blocks.push({ code: 'on_hold', message: message(m.on_hold, { order: o.mall_order_id ?? o.order_id }) });
  const expected = [...bySku.values()];
  return {
    box,
    lines,
    expected,
    view: {
      box_id: box.id,
      courier: box.courier,
      tracking_number: box.tracking_number ?? '',
      lines: lines.map((l) => ({
        line_id: l.line_id,
        order_id: l.order_id,
        mall_order_id: l.mall_order_id,
        product_name: l.product_name,
        option_text: l.option_text,
        quantity: l.quantity,
        status: l.status as Status,
        matched: matched.has(l.line_id),
      })),
      expected,
      versions: {
        box: box.version,
        lines: lines.map((l) => ({ id: l.line_id, version: l.version })),
        orders: orders.map((o) => ({ id: o.order_id, version: o.order_version })),
      },
      verifiable: lines.length > 0 && !blocks.length,
      blocks,
    },
  };
}

/** POST /api/scan/box: the box with this number, what it should hold, its versions and whether it can be verified. */
export async function openBox(db: Conn, raw: string | number): Promise<BoxView> {
  const number = scannedNumber(raw);
  const [box] = await boxes.boxesByNumber(db, number);
  if (!box)
    throw new AppError('not_found', 'box_not_found', message(m.box_not_found, { number }), {
      details: [{ field: 'tracking_number', code: 'box_not_found', message: message(m.box_not_found, { number }) }],
    });
  return (await readBox(db, box, false)).view;
}

/** Whether the box still is as it was opened: its version and every line's and order's, and no line added or gone. */
function sameVersions(now: BoxVersions, seen: BoxVersions): boolean {
  const same = (a: { id: string; version: number }[], b: { id: string; version: number }[]) => {
    const key = (list: typeof a) =>
      list
        .map((x) => `${x.id}:${x.version}`)
        .sort()
        .join(',');
    return key(a) === key(b);
  };
  return now.box === seen.box && same(now.lines, seen.lines) && same(now.orders, seen.orders);
}

/** The box, locked and checked against the versions it was opened at; a 409 when anything moved. */
async function lockedBox(trx: Knex.Transaction, boxId: string, versions: BoxVersions): Promise<Opened> {
  const box = await boxes.boxById(trx, boxId);
  if (!box) throw new AppError('not_found', 'box_not_found', message(m.box_not_found, { number: boxId }));
  const opened = await readBox(trx, box, true);
  if (!sameVersions(opened.view.versions, versions)) {
    throw new AppError('conflict', 'stale_version', message(m.stale), { details: { box_id: boxId, versions: opened.view.versions } });
  }
  return opened;
}

export type VerifyInput = { box_id: string; versions: BoxVersions; scans: { barcode: string; count: number }[] };

/**
 * POST /api/scan/verify: a wrong or extra item refuses (nothing is written), a short box says what is missing, a
 * complete and correct box ships — all of its lines, through the engine, with `스캔 검수` in their history.
 */
export async function verifyBox(db: Db, actor: Actor, body: VerifyInput): Promise<VerifyResult> {
  // Run again on fresh rows when a line moved into another box before its lock (MovedBeforeLock) or a deadlock.
  return retryOnConflict(() => verifyOnce(db, actor, body));
}

function verifyOnce(db: Db, actor: Actor, body: VerifyInput): Promise<VerifyResult> {
  return db.transaction(async (trx) => {
    const opened = await lockedBox(trx, body.box_id, body.versions);
    if (!opened.view.verifiable) {
      const reasons = opened.view.blocks.map((b) => b.message);
      throw new AppError('conflict', 'box_not_verifiable', message(m.not_verifiable, { reasons }), { details: { blocks: opened.view.blocks } });
    }
    const unknown = body.scans.map((s) => s.barcode);
    const catalogue = await repo.skuCodesOfScans(trx, unknown);
    const check = checkBox(
      opened.expected,
      body.scans,
      (code) => catalogue.get(normaliseScan(code)) ?? catalogue.get(code.trim().toUpperCase()) ?? null,
    );
    const base = {
      box_id: opened.box.id,
      problems: check.problems,
      missing: check.missing,
      batch_id: null,
      lines: [] as VerifyResult['lines'],
      auto_send_accounts: [] as string[],
    };
    if (check.problems.length) return { ...base, result: 'refused' as const, message: check.problems[0]!.message };
    if (check.missing.length) {
      const missing = check.missing.map((x) => `${x.code} ${x.scanned}/${x.expected}`).join(', ');
      return { ...base, result: 'short' as const, message: message(m.short, { missing }) };
    }
    const batchId = newId(ID_PREFIX.batch);
    const first = opened.lines[0]!;
    // Shipping one line of the box ships the box: the engine moves a box's lines as one unit.
    const shipped = await applySteps(
      trx,
      actor,
      { id: first.line_id, version: first.version },
      [{ action: 'ship', params: { reason: SCAN_SHIP_REASON } }],
      {
        batchId,
        now: new Date().toISOString(),
      },
    );
    const after = await boxes.linesOfBox(trx, opened.box.id);
    const ids = new Set(opened.lines.map((l) => l.line_id));
    return {
      ...base,
      result: 'shipped' as const,
      message: message(m.shipped, { number: opened.box.tracking_number ?? '' }),
      batch_id: batchId,
      auto_send_accounts: shipped.autoSendAccounts,
      lines: after.filter((l) => ids.has(l.line_id)).map((l) => ({ id: l.line_id, status: l.status, version: l.version })),
    };
  });
}

/** POST /api/scan/set-aside: each order of the partial box on hold (출고보류) with the reason, in one transaction. */
export async function setAsideBox(db: Db, actor: Actor, body: { box_id: string; versions: BoxVersions; reason: string }) {
  return db.transaction(async (trx) => {
    const opened = await lockedBox(trx, body.box_id, body.versions);
    const batchId = newId(ID_PREFIX.batch);
    const now = new Date().toISOString();
    // Hold reasons are plain text in the shop's language, like every history reason.
    const reason = `스캔 보류: ${body.reason}`.slice(0, 500);
    for (const o of opened.view.versions.orders) {
      await applySteps(trx, actor, o, [{ action: 'hold', params: { reason } }], { batchId, now });
    }
    const after = await readBox(trx, opened.box, false);
    return { box_id: opened.box.id, batch_id: batchId, orders: after.view.versions.orders };
  });
}
