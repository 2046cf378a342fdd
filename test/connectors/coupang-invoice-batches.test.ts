// How 송장업로드 entries are cut into calls: each group (our box's entries for one Coupang box) whole, at most 50
// entries a call, a Coupang box at most once a call, each group in the first call it fits — the same calls as a
// plain first-fit walk over every call made so far, which batchesOf replaced for speed.
import { describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { batchesOf, INVOICE_BATCH, type Group } from '../../server/connectors/coupang/invoices.ts';

function firstFit(groups: readonly Group[]): Group[][] {
  const batches: { groups: Group[]; size: number; boxes: Set<string> }[] = [];
  for (const group of groups) {
    let batch = batches.find((b) => b.size + group.dtos.length <= INVOICE_BATCH && !b.boxes.has(group.shipmentBoxId));
    if (!batch) batches.push((batch = { groups: [], size: 0, boxes: new Set() }));
    batch.groups.push(group);
    batch.size += group.dtos.length;
    batch.boxes.add(group.shipmentBoxId);
  }
  return batches.map((b) => b.groups);
}

// A small seeded generator, so a failure can be replayed.
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const groupOf = (shipmentBoxId: string, entries: number): Group =>
  ({ shipmentBoxId, invoiceNumber: '1', dtos: Array.from({ length: entries }) }) as unknown as Group;

describe('Coupang invoice calls', () => {
  it('are the calls first fit makes, on random groups of 1 to 60 entries with Coupang boxes shared between groups', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const next = random(seed);
      const groups = Array.from({ length: 1 + Math.floor(next() * 300) }, () =>
        groupOf(String(Math.floor(next() * 40)), next() < 0.05 ? 45 + Math.floor(next() * 16) : 1 + Math.floor(next() * 4)),
      );
      assert.deepEqual(batchesOf(groups), firstFit(groups), `seed ${seed}`);
    }
  });

  it('hold at most 50 entries (a bigger group alone) and a Coupang box once, every group exactly once', () => {
    const groups = [groupOf('1', 30), groupOf('2', 30), groupOf('1', 10), groupOf('3', 70), groupOf('4', 20), groupOf('1', 1)];
    const batches = batchesOf(groups);
    assert.deepEqual(
      batches.map((b) => b.map((g) => `${g.shipmentBoxId}:${g.dtos.length}`)),
      [['1:30', '4:20'], ['2:30', '1:10'], ['3:70'], ['1:1']],
    );
  });
});
