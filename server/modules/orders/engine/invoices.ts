// Courier and tracking number. A number belongs to a box: numbering a line puts it in a box, and a line already in
// a box changes the whole box, whatever orders its lines belong to.
import { courierAtMall, findCourier, type Mall } from '../../../../shared/couriers.ts';
import { MALL_NAMES, type MallType } from '../../../../shared/malls.ts';
import { checkTrackingNumber } from '../../../../shared/tracking-number.ts';
import { newId, ID_PREFIX } from '../../../db/ids.ts';
import type { BoxRow, LineRow } from '../working-set.repo.ts';
import type { EngineCore } from './core.ts';
import { boxParts, decide, heldBack, unitsOf } from './decide.ts';
import { Refusal, type Outcome, type Params } from './types.ts';

/**
 * Lines without a box join the unsent box of their own order with this courier and number, or a new one; a line
 * in a box changes the whole box, which needs `overwrite` once the box has a number (PRODUCT.md §4). A number
 * another order's box uses is a duplicate.
 */
export function setInvoice(core: EngineCore, targetId: string, lines: LineRow[], p: Params, orderTarget: boolean): Outcome {
  const { set } = core;
  const courier = findCourier(p.courier!);
  if (!courier) throw new Refusal('unknown_courier', { id: targetId, courier: p.courier! });
  const checked = checkTrackingNumber(courier.code, p.tracking_number ?? '');
  if (!checked.ok) {
    const first = checked.errors[0]!;
    throw new Refusal('invalid_tracking_number', { id: targetId, ...first.params }, first.code);
  }
  // Direct delivery (업체직송) has no number: its box is kept with none.
  const number = checked.value || null;
  const warnings = checked.warnings.map((w) => core.message(w.code, { id: targetId, ...w.params }));
  const units = unitsOf(core, lines, true);
  const decided = decide(core, targetId, units, 'set_invoice', orderTarget);
  const changed: string[] = [];

  for (const unit of decided) {
    const first = unit[0]!.line;
    const box = first.box_id ? set.boxes.get(first.box_id) : undefined;
    if (box && box.courier === courier.code && box.tracking_number === number) continue; // already so
    if (box?.send_status === 'sent') throw new Refusal('box_already_sent', { id: targetId, tracking_number: box.tracking_number });
    if (box?.tracking_number && !p.overwrite) {
      throw new Refusal('overwrite_required', { id: targetId, current: box.tracking_number, tracking_number: number });
    }
    const owner = first.order_id;
    const other = number ? set.boxWithNumber(number, box?.id) : undefined;
    if (other) {
      const foreign = set.linesOfBox(other.id).find((l) => l.order_id !== owner);
      const mergeable = !box && !foreign && other.courier === courier.code && other.send_status !== 'sent';
      if (!mergeable) {
        // The other order as the operator knows it: its mall order number (a direct order has none: its key).
        const otherId = foreign?.order_id ?? owner;
        throw new Refusal('duplicate_tracking_number', {
          id: targetId,
          tracking_number: number,
          other: set.orders.get(otherId)?.mall_order_id ?? otherId,
        });
      }
    }
    let target = box ?? other;
    if (!target && !number) target = openDirectBox(core, owner, courier.code);
    if (!target) {
      target = newBox(core, courier.code, number);
    } else {
      set.patchBox(target, { courier: courier.code, tracking_number: number, invoiced_at: core.now });
    }
    // Every line of the box moves: READY ones become INVOICED, the rest keep their status and take the new version;
    // lines that left the box in a claim only take the new version.
    const parts = box ? boxParts(core, box.id) : { unit: unit.map((d) => d.line), left: [] };
    const members = parts.unit;
    for (const line of members) {
      core.moveLine(
        line,
        line.status === 'READY' ? 'INVOICED' : 'same',
        'set_invoice',
        p.reason ?? null,
        line.box_id === target.id ? {} : { box_id: target.id },
      );
      changed.push(line.id);
    }
    for (const line of parts.left) core.moveLine(line, 'same', 'set_invoice', p.reason ?? null);
  }
  // A courier the line's mall has no code for (CU 편의점택배 at Coupang): the number is kept, but a send will fail there.
  const malls = new Set<Mall>();
  for (const id of changed) {
    const account = set.lines.get(id)?.mall_account_id;
    const mall = account ? set.accountMalls.get(account) : undefined;
    if ((mall === 'coupang' || mall === 'naver') && !courierAtMall(courier, mall)) malls.add(mall);
  }
  for (const mall of malls) {
    const names = { courier: { ko: courier.nameKo, en: courier.nameEn }, mall: MALL_NAMES[mall as MallType] };
    warnings.push(core.message('courier_not_at_mall', { id: targetId, ...names }));
  }
  if (orderTarget)
    warnings.push(
      ...heldBack(
        core,
        targetId,
        units,
        decided.flat().map((d) => d.line),
        'set_invoice',
      ),
    );
  return { lines: changed.length > 1 ? [...new Set(changed)] : changed, changed: changed.length > 0, warnings };
}

/**
 * An unsent box of this order for a courier that ships without numbers (DIRECT), to keep its lines together. Such
 * a box holds a line of the order, so the order's lines lead to it.
 */
function openDirectBox(core: EngineCore, orderId: string, courier: string): BoxRow | undefined {
  for (const line of core.set.linesOfOrder(orderId)) {
    const b = line.box_id ? core.set.boxes.get(line.box_id) : undefined;
    if (!b || b.courier !== courier || b.tracking_number || b.send_status === 'sent') continue;
    if (core.set.linesOfBox(b.id).every((l) => l.order_id === orderId)) return b;
  }
  return undefined;
}

function newBox(core: EngineCore, courier: string, number: string | null): BoxRow {
  const box: BoxRow = {
    id: newId(ID_PREFIX.box),
    courier,
    tracking_number: number,
    invoiced_at: core.now,
    shipped_at: null,
    send_status: 'not_sent',
    send_error: null,
    sent_at: null,
    version: 1,
    created_at: core.now,
    updated_at: core.now,
  };
  core.set.addNewBox(box);
  return box;
}
