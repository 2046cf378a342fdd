import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { normalizeName } from '../../../shared/address.ts';
import { mergeKeys, planMerge, type MergeCandidate } from '../../../shared/merge/merge-groups.ts';

const order = (order_id: string, over: Partial<MergeCandidate> = {}): MergeCandidate => ({
  order_id,
  recipient_name: '홍길동',
  recipient_address1: '서울특별시 강남구 테헤란로 152',
  recipient_address2: '3층',
  recipient_zip: '06236',
  recipient_phone: null,
  recipient_mobile: '010-1234-5678',
  ...over,
});

describe('merge keys', () => {
  it('one recipient however the phone, address and name are written', () => {
    const forms = [
      order('a'),
      order('b', { recipient_mobile: '01012345678' }),
      order('c', { recipient_mobile: '+82 10 1234 5678' }),
      order('d', { recipient_address1: '서울 강남구  테헤란로 152', recipient_name: ' 홍길동 ' }),
      order('e', { recipient_mobile: null, recipient_phone: '010.1234.5678' }),
    ];
    const keys = new Set(forms.map((f) => mergeKeys(f).exact));
    assert.equal(keys.size, 1);
    assert.notEqual([...keys][0], null);
  });

  it('a name is compared in one form, whether it is already in it or not', () => {
    assert.equal(normalizeName('홍길동1'), '홍길동1');
    assert.equal(normalizeName('홍길동１'), '홍길동1');
    assert.equal(normalizeName(' 홍길동1 '), '홍길동1');
    assert.equal(normalizeName('kimminsu'), 'kimminsu');
    assert.equal(normalizeName('KimMinsu'), 'kimminsu');
    assert.equal(normalizeName('ｋｉｍ  ｍｉｎｓｕ'), 'kim minsu');
    assert.equal(normalizeName('\u1112\u1169\u11bc'), '홍', 'jamo written apart are composed into the syllable');
    assert.equal(normalizeName(null), '');
  });

  it('recipients whose fields run together into the same text are still told apart (each text is keyed once)', () => {
    const plan = planMerge([
      order('a1', { recipient_name: '김가', recipient_address1: '나 서울 1' }),
      order('b1', { recipient_name: '김', recipient_address1: '가나 서울 1' }),
      order('a2', { recipient_name: '김가', recipient_address1: '나 서울 1' }),
      order('b2', { recipient_name: '김', recipient_address1: '가나 서울 1' }),
    ]);
    assert.deepEqual(
      plan.merges.map((g) => g.order_ids),
      [
        ['a1', 'a2'],
        ['b1', 'b2'],
      ],
    );
    assert.deepEqual(plan.reviews, []);
  });

  it('a 050x safe number is never a key, and neither is an order without phones', () => {
    assert.equal(mergeKeys(order('a', { recipient_mobile: '0504-1234-5678' })).exact, null);
    assert.equal(mergeKeys(order('a', { recipient_mobile: '0505-1234-5678', recipient_phone: '010-1234-5678' })).exact, null);
    assert.equal(mergeKeys(order('a', { recipient_mobile: null })).exact, null);
    assert.notEqual(mergeKeys(order('a', { recipient_mobile: '0504-1234-5678' })).near, null, 'still offered for review');
  });

  it('no name or no address: no key at all', () => {
    assert.equal(mergeKeys(order('a', { recipient_name: '' })).near, null);
    assert.equal(mergeKeys(order('a', { recipient_address1: null })).near, null);
  });
});

describe('planMerge', () => {
  it('merges equal recipients across malls and leaves others alone', () => {
    const plan = planMerge([
      order('a'),
      order('b', { recipient_mobile: '010 1234 5678' }),
      order('c', { recipient_name: '김철수', recipient_mobile: '010-9999-0000' }),
      order('d', { recipient_address1: '부산광역시 연제구 중앙대로 1001' }),
    ]);
    assert.deepEqual(
      plan.merges.map((g) => g.order_ids),
      [['a', 'b']],
    );
    assert.deepEqual(plan.reviews, []);
  });

  it('same name and address with different phones is needs-review, clusters kept', () => {
    const plan = planMerge([order('a'), order('b'), order('c', { recipient_mobile: '010-2222-3333' })]);
    assert.deepEqual(
      plan.merges.map((g) => g.order_ids),
      [['a', 'b']],
    );
    assert.equal(plan.reviews.length, 1);
    assert.equal(plan.reviews[0]!.reason, 'phones_differ');
    assert.deepEqual(plan.reviews[0]!.clusters, [['a', 'b'], ['c']]);
  });

  it('safe numbers make a review group, never a merge', () => {
    const plan = planMerge([order('a', { recipient_mobile: '0504-1111-2222' }), order('b', { recipient_mobile: '0504-1111-2222' })]);
    assert.deepEqual(plan.merges, []);
    assert.deepEqual(
      plan.reviews.map((r) => [r.reason, r.clusters]),
      [['phone_unknown', [['a'], ['b']]]],
    );
  });

  it('the same real number with a safe number beside it on one order is a review that says so (safe_number)', () => {
    const plan = planMerge([
      order('a'),
      order('b', { recipient_phone: '0504-1111-2222' }),
      order('c', { recipient_phone: '0505-3333-4444', recipient_mobile: '010-9999-8888' }),
    ]);
    assert.deepEqual(
      plan.reviews.map((r) => [r.reason, r.clusters]),
      [['phone_unknown', [['a'], ['b'], ['c']]]],
      'a real number that differs: nothing tells them apart',
    );
    const same = planMerge([order('a'), order('b', { recipient_phone: '0504-1111-2222' })]);
    assert.deepEqual(
      same.reviews.map((r) => [r.reason, r.clusters]),
      [['safe_number', [['a'], ['b']]]],
    );
    assert.deepEqual(same.merges, [], 'still never merged without the operator');
    // The same number, but another unit (동·호수) or zip: that is said first, whatever the phones (one number on
    // two flats is refused by the malls); an unreadable number instead of a safe one: nothing tells them apart.
    for (const [other, reason] of [
      [{ recipient_address2: '102동 504호' }, 'details_differ'],
      [{ recipient_zip: '06237' }, 'details_differ'],
      [{ recipient_phone: '12345' }, 'phone_unknown'],
    ] as const) {
      const apart = planMerge([order('a'), order('b', { recipient_phone: '0504-1111-2222', ...other })]);
      assert.deepEqual(
        apart.reviews.map((r) => r.reason),
        [reason],
        JSON.stringify(other),
      );
    }
  });

  it('a merge-locked order neither merges nor is offered', () => {
    const plan = planMerge([order('a'), order('b', { merge_locked: true }), order('c', { merge_locked: true, recipient_mobile: '010-2222-3333' })]);
    assert.deepEqual(plan, { merges: [], reviews: [] });
  });

  it('a different detail line (동·호수) or zip keeps orders apart but offers them', () => {
    const plan = planMerge([order('a'), order('b', { recipient_address2: '4층' })]);
    assert.deepEqual(plan.merges, []);
    assert.deepEqual(
      plan.reviews.map((r) => [r.reason, r.clusters]),
      [['details_differ', [['a'], ['b']]]],
    );
  });
});
