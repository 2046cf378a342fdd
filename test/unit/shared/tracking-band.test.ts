import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { bandShape, inBand, numberAfter, numbersBetween, numbersFrom } from '../../../shared/tracking-band.ts';
import { isValidMod7 } from '../../../shared/tracking-number.ts';

describe('tracking number bands (송장 대역)', () => {
  it('a mod-7 band steps by body and check digit: +11 while the check digit grows, wrapping 6 → 0', () => {
    const shape = { check: 'mod7', length: 12 } as const;
    // 61234567890 mod 7 = 6: the next body's check digit wraps to 0
    assert.equal(numberAfter('612345678906', shape), '612345678910');
    assert.equal(numberAfter('612345678910', shape), '612345678921');
    assert.equal(numberAfter('612345678921', shape), '612345678932');
    assert.deepEqual(numbersFrom('612345678906', '612345678932', shape, 10), ['612345678906', '612345678910', '612345678921', '612345678932']);
    assert.deepEqual(numbersFrom('612345678906', '612345678932', shape, 2), ['612345678906', '612345678910']);
    assert.ok(numbersFrom('612345678906', '612345678932', shape, 10).every(isValidMod7));
    assert.equal(numbersBetween('612345678906', '612345678932', shape), 4);
    assert.equal(numbersBetween('612345678932', '612345678906', shape), 0);
    assert.ok(inBand('612345678921', '612345678906', '612345678932', shape));
    assert.ok(!inBand('612345678943', '612345678906', '612345678932', shape));
  });

  it('a band without check digit counts every number, keeping leading zeros; 14 digits stay exact', () => {
    const shape = { check: 'none', length: 10 } as const;
    assert.equal(numberAfter('0000000099', shape), '0000000100');
    assert.equal(numbersBetween('0000000099', '0000000200', shape), 102);
    const hanjin = { check: 'mod7', length: 14 } as const;
    // 9999999999998 + 1 = 9999999999999, past what a double adds exactly once the check digit is appended.
    assert.equal(numberAfter(`9999999999998${9999999999998n % 7n}`, hanjin), `9999999999999${9999999999999n % 7n}`);
    assert.ok(isValidMod7(numberAfter(`9999999999998${9999999999998n % 7n}`, hanjin)));
  });

  it("what a courier's band is: mod 7 where its numbers follow it, none where the courier only suspects them, refused otherwise", () => {
    const cj = bandShape('CJ', '612345678906', '612345678932');
    assert.deepEqual(cj, { ok: true, courier: 'CJ', shape: { check: 'mod7', length: 12 } });
    // CJ only warns on a wrong check digit: a band whose numbers do not follow mod 7 counts every number.
    const plain = bandShape('CJ대한통운', '612345678900', '612345678999');
    assert.deepEqual(plain, { ok: true, courier: 'CJ', shape: { check: 'none', length: 12 } });
    // One end with the check digit and the other without is a typo, refused on the end without it.
    const mixed = bandShape('CJ', '612345678906', '612345678999');
    assert.deepEqual(!mixed.ok && mixed.problem, { field: 'last_number', code: 'band_check_mixed' });
    const lotte = bandShape('LOTTE', '612345678900', '612345678932');
    assert.equal(lotte.ok, false);
    assert.equal(!lotte.ok && lotte.problem.field, 'first_number');
    const reversed = bandShape('CJ', '612345678932', '612345678906');
    assert.equal(!reversed.ok && reversed.problem.code, 'band_reversed');
    assert.equal(!bandShape('EMS', 'EE123456785KR', 'EE123456799KR').ok, true);
    assert.equal(!bandShape('nope', '1', '2').ok, true);
  });
});
