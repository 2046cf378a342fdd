import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { orderBatches, type Changed } from '../../../server/connectors/naver/feed.ts';
import { readAhead } from '../../../server/jobs/read-ahead.ts';

describe('readAhead', () => {
  it('reads on while the caller works, hands over what arrived meanwhile, and reports a failure after it', async () => {
    async function* pages() {
      for (const page of ['a', 'b', 'c']) yield page;
      throw new Error('mall down');
    }
    const seen: string[][] = [];
    await assert.rejects(async () => {
      for await (const batch of readAhead(pages())) {
        seen.push(batch);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }, /mall down/);
    // The first page alone; the others were read while the caller worked on it.
    assert.deepEqual(seen, [['a'], ['b', 'c']]);
  });

  it('reads at most `ahead` pages ahead, and a caller that stops early ends the source', async () => {
    let read = 0;
    let closed = false;
    async function* pages() {
      try {
        for (;;) yield ++read;
      } finally {
        closed = true;
      }
    }
    for await (const batch of readAhead(pages(), 3)) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      assert.ok(read <= batch.at(-1)! + 4, `read ${read} with ${batch.at(-1)} handed over`);
      if (read > 10) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(closed, true);
  });
});

describe('naver orderBatches', () => {
  const changed = (pairs: [string, number][]): Map<string, Changed> => {
    const map = new Map<string, Changed>();
    let po = 0;
    for (const [orderId, count] of pairs)
      for (let i = 0; i < count; i++) {
        const productOrderId = `${orderId}-${po++}`;
        map.set(productOrderId, { orderId, productOrderId, lastChangedDate: '2026-01-01T00:00:00.000+09:00' });
      }
    return map;
  };

  it('keeps each order in one batch of at most 300, in listing order', () => {
    const batches = orderBatches(changed([...Array.from({ length: 149 }, (_, i): [string, number] => [`o${i}`, 2]), ['big', 3], ['last', 1]]));
    assert.deepEqual(
      batches.map((b) => b.length),
      [298, 4],
    );
    assert.deepEqual(batches[1], ['big-298', 'big-299', 'big-300', 'last-301']);
  });

  it('an order listed apart is still whole; one bigger than a batch gets its own', () => {
    const map = changed([
      ['a', 1],
      ['huge', 301],
      ['b', 1],
    ]);
    map.set('a-late', { orderId: 'a', productOrderId: 'a-late', lastChangedDate: '2026-01-01T00:00:00.000+09:00' });
    const batches = orderBatches(map);
    assert.deepEqual(batches[0], ['a-0', 'a-late']);
    assert.equal(batches[1]!.length, 301);
    assert.deepEqual(batches[2], ['b-302']);
  });
});
