import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { packText, unpackText } from '../../../server/modules/files/packed-text.ts';
import { whileDbWorks, jsonArrayInSlices } from '../../../server/modules/files/while-db-works.ts';

describe('while the database works', () => {
  it('builds the JSON of a list a slice at a time, the same text as JSON.stringify at every length', async () => {
    for (const n of [0, 1, 1999, 2000, 2001, 4500]) {
      const items = Array.from({ length: n }, (_, i) => ({ row: i + 3, text: i % 7 ? `행 "${i}"` : null }));
      const value = (item: (typeof items)[number]) => [item.row, item.text, undefined];
      assert.equal(await jsonArrayInSlices(items, value), JSON.stringify(items.map(value)), `${n} items`);
    }
  });

  it('lets work queued before it (a statement handed to the database) start first, and lets I/O in between slices', async () => {
    const order: string[] = [];
    const statement = Promise.resolve().then(() => order.push('statement handed over'));
    const slices = jsonArrayInSlices(
      Array.from({ length: 4001 }, (_, i) => i),
      (i) => (i % 2000 === 0 ? order.push(`slice ${i / 2000}`) : i),
    );
    setImmediate(() => order.push('I/O turn'));
    await Promise.all([statement, slices, whileDbWorks(() => order.push('after a turn'))]);
    assert.deepEqual(order.slice(0, 2), ['statement handed over', 'slice 0']);
    assert.ok(order.indexOf('I/O turn') < order.indexOf('slice 2'), order.join(', '));
    assert.ok(order.includes('after a turn'));
  });
});

describe('packed text', () => {
  it('packs long JSON to a fraction of it as base64 text and unpacks it exactly; plain text stored before reads as it is', async () => {
    const json = JSON.stringify(Array.from({ length: 5000 }, (_, i) => [i + 2, 'new', null, null, `box_${i}`, null, `6070${i}`, '홍길동']));
    const packed = await packText(json);
    assert.match(packed, /^[A-Za-z0-9+/=]+$/);
    assert.ok(packed.length * 4 < json.length, `${packed.length} of ${json.length}`);
    assert.equal(unpackText(packed), json);
    // Short text is kept as it is (gzip would add), and so reads back.
    assert.equal(await packText('[["box_1",2]]'), '[["box_1",2]]');
    for (const plain of ['{"header_row":1,"rows":[]}', '[["box_1",2]]', '', json]) assert.equal(unpackText(plain), plain);
  });
});
