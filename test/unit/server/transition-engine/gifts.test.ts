// Gift lines follow their order in the engine (engine/gift-lines.ts): a hold sets them aside, a release of the
// hold brings them back, and a cancel of every other line cancels them — each with its history row.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import type { LineRow } from '../../../../server/modules/orders/working-set.repo.ts';
import { World, outcomes } from './world.ts';

/** An order of one mall line with a gift line added by rule `gft_1`. */
function withGift(w: World, spec: Parameters<World['order']>[0] = {}) {
  const { order, lines } = w.order({ status: 'READY', lines: 2, ...spec });
  const [own, gift] = lines as [LineRow, LineRow];
  Object.assign(gift, { gift_rule_id: 'gft_1', gift_set_aside: false, unit_price: 0, amount: 0 });
  return { order, own, gift };
}

const historyOf = (w: World, lineId: string) => w.set.writes.history.filter((h) => h.entity_id === lineId).map((h) => h.action);

describe('engine: gift lines follow their order', () => {
  it('a hold sets the gift line aside; the release of the hold brings it back', async () => {
    const w = new World();
    const { order, own, gift } = withGift(w);
    assert.deepEqual(outcomes(await w.run('hold', [{ id: order.id }], { reason: '주소 확인' })), ['applied']);
    assert.equal(gift.gift_set_aside, true);
    assert.equal(own.gift_set_aside, undefined, 'the order’s own line is no gift');
    assert.deepEqual(w.set.writes.lines.get(gift.id), { gift_set_aside: true });
    assert.deepEqual(historyOf(w, gift.id), ['gift_set_aside']);

    // Changing the reason of a hold keeps it aside, without a second history row.
    await w.run('hold', [{ id: order.id, version: 1 }], { reason: '재고 확인' });
    assert.deepEqual(historyOf(w, gift.id), ['gift_set_aside']);

    const [r] = await w.run('release_hold', [{ id: order.id }], { reason: '확인 완료' });
    assert.equal(r!.result, 'applied');
    assert.equal(gift.gift_set_aside, false);
    assert.deepEqual(historyOf(w, gift.id), ['gift_set_aside', 'gift_restore']);
    assert.deepEqual(w.set.writes.lines.get(gift.id), { gift_set_aside: false });
  });

  it('a hold leaves a shipped or canceled gift line alone', async () => {
    const w = new World();
    const { order, gift } = withGift(w, { status: 'INVOICED' });
    gift.status = 'CANCELED';
    await w.run('hold', [{ id: order.id }], { reason: '주소 확인' });
    assert.equal(gift.gift_set_aside, false);
  });

  it('canceling every other line of the order cancels the gift line; a cancel only requested or of part of the order does not', async () => {
    const w = new World();
    const { own, gift } = withGift(w, { status: 'NEW' });
    const [r] = await w.run('claim', [{ id: own.id }], { claim_type: 'cancel', reason: '고객 변심' });
    assert.equal(r!.result, 'applied');
    assert.equal(own.status, 'CANCELED');
    assert.equal(gift.status, 'CANCELED');
    assert.deepEqual(historyOf(w, gift.id), ['gift_cancel']);
    assert.ok(
      r!.lines!.some((l) => l.id === gift.id),
      'the gift line is among the lines the item changed',
    );

    const two = w.order({ status: 'READY', lines: 3 });
    const g2 = two.lines[2]!;
    Object.assign(g2, { gift_rule_id: 'gft_1', gift_set_aside: false });
    await w.run('claim', [{ id: two.lines[0]!.id }], { claim_type: 'cancel', reason: '부분 취소' });
    assert.equal(g2.status, 'READY', 'another line still ships: the gift stays');

    const req = withGift(w, { status: 'INVOICED' });
    await w.run('claim', [{ id: req.own.id }], { claim_type: 'cancel', claim_state: 'requested', reason: '취소 요청' });
    assert.equal(req.own.status, 'CANCEL_REQUESTED');
    assert.equal(req.gift.status, 'INVOICED', 'a cancel only requested leaves the gift');
    await w.run('complete_claim', [{ id: req.own.id, version: 1 }], { reason: '취소 완료' });
    assert.equal(req.own.status, 'CANCELED');
    assert.equal(req.gift.status, 'CANCELED', 'completing the cancel cancels the gift');
  });
});
