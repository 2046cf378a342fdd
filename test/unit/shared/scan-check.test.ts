// The scan check the pane and the server share (shared/scan/check-box.ts): scans counted against what a box should
// hold, a wrong item, an unknown barcode and an extra item refused (and not counted), missing SKUs named.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { render } from '../../../shared/i18n.ts';
import { checkBox, skuOfCode, type ExpectedSku } from '../../../shared/scan/check-box.ts';

const box: ExpectedSku[] = [
  { sku_id: 'sku_a', code: 'A100', name: '사과', barcodes: ['8801'], quantity: 2 },
  { sku_id: 'sku_b', code: 'B200', name: '배', barcodes: [], quantity: 1 },
];

describe('scan check', () => {
  it('a barcode or the SKU code names an expected SKU, ignoring case and spaces', () => {
    assert.equal(skuOfCode(box, ' 8801 ')?.code, 'A100');
    assert.equal(skuOfCode(box, 'b200')?.code, 'B200');
    assert.equal(skuOfCode(box, 'B 200')?.code, 'B200');
    assert.equal(skuOfCode(box, '9999'), undefined);
  });

  it('counts scans; complete when every SKU is at its quantity and nothing was refused', () => {
    const done = checkBox(box, [
      { barcode: '8801', count: 2 },
      { barcode: 'B200', count: 1 },
    ]);
    assert.equal(done.complete, true);
    assert.deepEqual(
      [...done.counts],
      [
        ['sku_a', 2],
        ['sku_b', 1],
      ],
    );
    const short = checkBox(box, [{ barcode: '8801', count: 1 }]);
    assert.equal(short.complete, false);
    assert.deepEqual(
      short.missing.map((m) => [m.code, m.scanned, m.expected]),
      [
        ['A100', 1, 2],
        ['B200', 0, 1],
      ],
    );
  });

  it('a wrong item, an unknown barcode and an extra item are refused with the reason and not counted', () => {
    const known = (code: string) => (code === '7777' ? 'Z900' : null);
    const out = checkBox(
      box,
      [
        { barcode: '7777', count: 1 },
        { barcode: 'nope', count: 1 },
        { barcode: '8801', count: 3 },
        { barcode: 'B200', count: 1 },
      ],
      known,
    );
    assert.equal(out.complete, false);
    assert.deepEqual(
      out.problems.map((p) => [p.code, p.scan_index, p.sku_code, p.expected, p.scanned]),
      [
        ['wrong_item', 0, 'Z900', 0, 1],
        ['unknown_barcode', 1, null, 0, 1],
        ['extra_item', 2, 'A100', 2, 3],
      ],
    );
    assert.equal(out.counts.get('sku_a'), 2, 'only what fits is counted');
    assert.equal(render(out.problems[0]!.message, 'ko'), '바코드 7777(Z900): 이 박스의 상품이 아닙니다 (예상: A100 ×2, B200 ×1)');
    assert.equal(render(out.problems[2]!.message, 'en'), 'barcode 8801 (A100): too many — expected 2, scanned 3');
  });
});
