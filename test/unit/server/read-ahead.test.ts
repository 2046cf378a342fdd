import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { orderBatches, type Changed } from '../../../server/connectors/naver/feed.ts';
import { readAhead } from '../../../server/jobs/read-ahead.ts';

describe('readAhead', () => {
  it('asks for the next page before handing over the current one, and reports its failure after', async () => {
    const asked: number[] = [];
    async function* pages() {
      asked.push(1);
      yield 'a';
      asked.push(2);
      yield 'b';
      asked.push(3);
      throw new Error('mall down');
    }
    const seen: string[] = [];
    await assert.rejects(async () => {
      for await (const page of readAhead(pages())) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        seen.push(`${page}@${asked.length}`);
      }
    }, /mall down/);
    // While page a was worked on, page b was already being read (and c while b was).
    assert.deepEqual(seen, ['a@2', 'b@3']);
  });

  it('a caller that stops early ends the source', async () => {
    let closed = false;
    async function* pages() {
      try {
        for (let i = 0; ; i++) yield i;
      } finally {
        closed = true;
      }
    }
    for await (const page of readAhead(pages())) if (page === 1) break;
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
