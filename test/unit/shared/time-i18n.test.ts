import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { format, pickLang } from '../../../shared/i18n.ts';
import { daysInclusive, isValidDay, kstDate, kstDateTime, kstDayStart, kstMinute } from '../../../shared/time.ts';

describe('KST days', () => {
  it('an instant belongs to its Korean calendar day', () => {
    assert.equal(kstDate('2026-11-20T14:59:59.999Z'), '2026-11-20');
    assert.equal(kstDate('2026-11-20T15:00:00.000Z'), '2026-11-21');
    assert.equal(kstDayStart('2026-11-21'), '2026-11-20T15:00:00.000Z');
  });

  it('a Korean minute for the server’s messages', () => {
    assert.equal(kstMinute('2026-11-20T15:30:59.999Z'), '2026-11-21 00:30');
    assert.equal(kstMinute(new Date('2026-11-20T05:07:00Z')), '2026-11-20 14:07');
  });

  it('validates calendar days and counts them inclusively', () => {
    for (const ok of ['2026-02-28', '2028-02-29', '2026-12-31']) assert.equal(isValidDay(ok), true, ok);
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-01', '20261101', '']) assert.equal(isValidDay(bad), false, bad);
    assert.equal(daysInclusive('2026-11-01', '2026-11-30'), 30);
    assert.equal(daysInclusive('2026-11-01', '2026-11-01'), 1);
  });
});

describe('kstDateTime', () => {
  it('reads an instant in Korea whatever the zone of the PC (a desk abroad saw its own hours)', () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Ho_Chi_Minh']) {
        process.env.TZ = tz;
        assert.equal(kstDateTime('2026-11-20T15:30:00Z', 'en'), '21/11/2026, 00:30', tz);
        assert.equal(kstDateTime('2026-11-20T15:30:00Z', 'en', 'monthDay'), '21/11, 00:30', tz);
        // Node's ICU here names the half of the day in English; the pane's browser says 오전.
        assert.match(kstDateTime('2026-11-20T15:30:00Z', 'ko'), /^2026\. 11\. 21\. (오전|AM) 12:30$/, tz);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe('messages', () => {
  it('Korean unless the client prefers English', () => {
    assert.equal(pickLang(undefined), 'ko');
    assert.equal(pickLang('en-US,en;q=0.9'), 'en');
    assert.equal(pickLang('ko-KR,ko;q=0.9,en;q=0.8'), 'ko');
    assert.equal(pickLang('en;q=0.5,ko;q=0.9'), 'ko');
    assert.equal(pickLang('fr-FR'), 'ko');
  });

  it('fills parameters and leaves missing ones visible', () => {
    const text = { ko: '{id}: {n}건', en: '{id}: {n} items' };
    assert.equal(format(text, { id: 'ord_1', n: 3 }), 'ord_1: 3건');
    assert.equal(format(text, { id: 'ord_1' }, 'en'), 'ord_1: {n} items');
  });
});
