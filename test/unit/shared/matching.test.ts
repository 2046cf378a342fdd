import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { bigrams, MIN_SIMILARITY, normaliseName, parseSkuCell, similarity, skuSummary } from '../../../shared/matching.ts';

describe('matching: the SKU cell', () => {
  it('reads codes with quantities, separated by commas or +', () => {
    assert.deepEqual(parseSkuCell('A100*2, B200'), {
      items: [
        { sku_code: 'A100', quantity: 2 },
        { sku_code: 'B200', quantity: 1 },
      ],
    });
    assert.deepEqual(parseSkuCell('A100×3+B200 x 2'), {
      items: [
        { sku_code: 'A100', quantity: 3 },
        { sku_code: 'B200', quantity: 2 },
      ],
    });
  });

  it('keeps a code that ends in X2 whole', () => {
    assert.deepEqual(parseSkuCell('BOX-X2'), { items: [{ sku_code: 'BOX-X2', quantity: 1 }] });
  });

  it('refuses empty cells, zero or odd quantities and a code twice', () => {
    assert.deepEqual(parseSkuCell(' , '), { error: 'empty', part: '' });
    assert.deepEqual(parseSkuCell('A100*0'), { error: 'bad_quantity', part: 'A100*0' });
    assert.deepEqual(parseSkuCell('A100*two'), { error: 'bad_quantity', part: 'A100*two' });
    assert.deepEqual(parseSkuCell('A100, A100*2'), { error: 'duplicate', part: 'A100*2' });
  });
});

describe('matching: the summary', () => {
  it('is the code for one SKU × 1, else codes with quantities joined by +, cut to 64', () => {
    assert.equal(skuSummary([{ sku_code: 'A100', quantity: 1 }]), 'A100');
    assert.equal(skuSummary([{ sku_code: 'A100', quantity: 2 }]), 'A100×2');
    assert.equal(
      skuSummary([
        { sku_code: 'A100', quantity: 2 },
        { sku_code: 'B200', quantity: 1 },
      ]),
      'A100×2+B200',
    );
    assert.equal(skuSummary(Array.from({ length: 20 }, (_, i) => ({ sku_code: `CODE${i}`, quantity: 1 }))).length, 64);
  });
});

describe('matching: name similarity', () => {
  it('normalises width, case and punctuation', () => {
    assert.equal(normaliseName('［무료배송］ＡＢＣ  사과-5KG'), '무료배송 abc 사과 5kg');
  });

  it('scores the same words 1, spacing and extra words a little less, other products low', () => {
    const sku = bigrams('유기농 사과 5kg');
    assert.equal(similarity(bigrams('유기농 사과 5KG'), sku), 1);
    const mall = similarity(bigrams('[무료배송] 유기농사과 5kg'), sku);
    assert.ok(mall > MIN_SIMILARITY && mall < 1, String(mall));
    assert.ok(similarity(bigrams('국산 배 선물세트'), sku) < MIN_SIMILARITY);
    assert.equal(similarity(new Set(), sku), 0);
  });

  it('ranks the right option above its sibling', () => {
    const mall = bigrams('유기농 사과 5kg 선물용');
    assert.ok(similarity(mall, bigrams('유기농 사과 5kg 선물용')) > similarity(mall, bigrams('유기농 사과 3kg 가정용')));
  });
});
