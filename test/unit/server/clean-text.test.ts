import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { withoutControlChars } from '../../../server/connectors/clean-text.ts';

describe('withoutControlChars', () => {
  it('clears control characters from every string inside, keeping tabs and line breaks', () => {
    const order = { orderer: { name: '김\u0000철수' }, lines: [{ productName: '컵\u0007', quantity: 2 }], memo: '문 앞\n\t경비실', at: null };
    assert.deepEqual(withoutControlChars(order), {
      orderer: { name: '김철수' },
      lines: [{ productName: '컵', quantity: 2 }],
      memo: '문 앞\n\t경비실',
      at: null,
    });
    assert.equal(order.orderer.name, '김\u0000철수', 'the value given is not changed');
  });

  it('answers the very value when there is nothing to clear (no copy of 10,000 orders)', () => {
    const order = { orderer: { name: '김철수' }, lines: [{ productName: '컵' }] };
    assert.equal(withoutControlChars(order), order);
    assert.equal(withoutControlChars('가\u0000나\u0000다'), '가나다', 'every one of them');
  });

  it('copies only the arrays and objects on the way to a cleared string, keeping the rest as they were', () => {
    const untouched = { productName: '접시', tags: ['a', 'b'] };
    const order = { lines: [untouched, { productName: '컵\u001f' }], amounts: [1, 2], paid: true };
    const cleaned = withoutControlChars(order);
    assert.deepEqual(cleaned, { lines: [untouched, { productName: '컵' }], amounts: [1, 2], paid: true });
    assert.notEqual(cleaned.lines, order.lines);
    assert.equal(cleaned.lines[0], untouched, 'a clean line is the same object');
    assert.equal(cleaned.amounts, order.amounts);
    assert.equal(order.lines[1]!.productName, '컵\u001f');
  });
});
