import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { maskPersonalText } from '../../../shared/mask-text.ts';

describe('maskPersonalText', () => {
  it('masks phone numbers in every written form', () => {
    const cases: Array<[string, string]> = [
      ['0505-3599-1948', '0505-****-1948'],
      ['050535991948', '0505-****-1948'],
      ['050-1234-5678', '0501-***-5678'],
      ['0505-123-4567', '0505-***-4567'],
      ['010 1234 5678', '010-****-5678'],
      ['010.1234.5678', '010-****-5678'],
      ['01012345678로 연락주세요', '010-****-5678로 연락주세요'],
      ['(02) 123-4567', '02-***-4567'],
      ['경비실 02)1234-5678', '경비실 02-****-5678'],
      ['031-123-4567', '031-***-4567'],
      ['070-1234-5678', '070-****-5678'],
      ['+82 10-1234-5678', '010-****-5678'],
      ['+82 (0)10 9876 5432', '010-****-5432'],
      ['0082-2-123-4567', '02-***-4567'],
      ['８２１０１２３４５６７８', '010-****-5678'],
    ];
    for (const [text, masked] of cases) assert.equal(maskPersonalText(text), masked, text);
  });

  it('masks phone numbers written with the other dashes word processors and web pages put in, or underscores', () => {
    // U+2010 hyphen, U+2011 non-breaking hyphen, U+2013 en dash, U+2014 em dash, U+2212 minus: NFKC keeps them all.
    for (const dash of ['\u2010', '\u2011', '\u2013', '\u2014', '\u2212', '_']) {
      const text = `최우진 010${dash}3599${dash}1948 연락`;
      assert.equal(maskPersonalText(text), '최*진 010-****-1948 연락', JSON.stringify(text));
    }
  });

  it('a name written apart from its honorific, next to a number, is masked too', () => {
    assert.equal(maskPersonalText('박민수 님 010-1111-2222'), '박*수 님 010-****-2222');
    assert.equal(maskPersonalText('010-1111-2222 이서연 씨'), '010-****-2222 이*연 씨');
  });

  it('leaves order and tracking numbers, quantities and dates alone', () => {
    const text = '주문번호 2026112212345678, 송장 6012-3456-7894, 수량 2, 2026-11-25 도착';
    assert.equal(maskPersonalText(text), text);
  });

  it("masks the order's own names wherever they appear, Latin names in any case", () => {
    assert.equal(maskPersonalText('최우진 고객 요청: 문 앞. 우진님 부재 시 경비실', ['최우진']), '최*진 고객 요청: 문 앞. 우*님 부재 시 경비실');
    assert.equal(maskPersonalText('Deliver to JOHN  smith, not John', ['John Smith']), 'Deliver to J*** *****, not John');
  });

  it('masks Korean name-like words next to a phone number, past words that are not names', () => {
    assert.equal(maskPersonalText('최우진 0505-3599-1948'), '최*진 0505-****-1948');
    assert.equal(maskPersonalText('받는분: 홍길동 (010-1234-5678)'), '받는분: 홍*동 (010-****-5678)');
    assert.equal(maskPersonalText('남궁민수 고객님 연락처: 010-1234-5678'), '남**수 고객님 연락처: 010-****-5678');
    assert.equal(maskPersonalText('010-1234-5678 김철수님께 전달'), '010-****-5678 김*수님께 전달');
    assert.equal(maskPersonalText('부재시 경비실 02-123-4567'), '부재시 경비실 02-***-4567');
    // What was done with the number is not a name (통화 read as one: "통* 후 요청").
    assert.equal(maskPersonalText('이서연 고객 010-2345-6789 통화 후 요청'), '이*연 고객 010-****-6789 통화 후 요청');
    assert.equal(maskPersonalText('010-2345-6789 전화로 반품 접수'), '010-****-6789 전화로 반품 접수');
    assert.equal(maskPersonalText('김철수 010-2345-6789 카톡으로 안내'), '김*수 010-****-6789 카톡으로 안내');
  });
});
