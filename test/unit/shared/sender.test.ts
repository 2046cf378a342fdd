// The sender (보내는 분) of booking files: which templates need one, and its phones checked and hyphenated.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { normaliseSenderPhones, senderBody } from '../../../shared/api/settings.schema.ts';
import { BOOKING_TEMPLATES, needsSender } from '../../../shared/files/booking-templates.ts';

const body = (over: Record<string, unknown> = {}) =>
  senderBody.parse({ name: '상회', phone: '021234 5678', zip: '06236', address1: '서울 강남구 테헤란로 1', ...over });

describe('sender', () => {
  it('is needed by the templates with sender columns only', () => {
    assert.deepEqual(
      BOOKING_TEMPLATES.filter(needsSender).map((t) => t.id),
      ['cj', 'lotte', 'generic'],
    );
  });

  it('phones are hyphenated; a blank mobile and detail are none; a bad phone names its field', () => {
    assert.deepEqual(normaliseSenderPhones(body({ mobile: ' ', address2: '' })), {
      ok: true,
      sender: { name: '상회', phone: '02-1234-5678', mobile: null, zip: '06236', address1: '서울 강남구 테헤란로 1', address2: null },
    });
    const withMobile = normaliseSenderPhones(body({ mobile: '+82 10 9876 5432' }));
    assert.equal(withMobile.ok && withMobile.sender.mobile, '010-9876-5432');
    assert.deepEqual(normaliseSenderPhones(body({ phone: '12345' })), { ok: false, field: 'phone' });
    assert.deepEqual(normaliseSenderPhones(body({ mobile: '010-12' })), { ok: false, field: 'mobile' });
    assert.equal(senderBody.safeParse({ ...body(), zip: '135-080' }).success, false);
  });
});
