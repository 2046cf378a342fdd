// Long import records stored gzipped as base64 (server/db/packed-text.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { packText, unpackText } from '../../../server/db/packed-text.ts';

describe('packed text', () => {
  it('packs long JSON to a fraction of it as base64 text and unpacks it exactly; plain text stored before reads as it is', async () => {
    const json = JSON.stringify(Array.from({ length: 5000 }, (_, i) => [i + 2, 'new', null, null, `box_${i}`, null, `6070${i}`, '홍길동']));
    const packed = await packText(json);
    assert.match(packed, /^[A-Za-z0-9+/=]+$/);
    assert.ok(packed.length * 4 < json.length, `${packed.length} of ${json.length}`);
    assert.equal(await unpackText(packed), json);
    // Short text is kept as it is (gzip would add), and so reads back.
    assert.equal(await packText('[["box_1",2]]'), '[["box_1",2]]');
    for (const plain of ['{"header_row":1,"rows":[]}', '[["box_1",2]]', '', json]) assert.equal(await unpackText(plain), plain);
  });
});
