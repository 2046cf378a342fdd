import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { startBanner } from '../../../server/banner.ts';

const base = { url: 'https://localhost:3000', database: 'SQLite data/shipsheet.sqlite', trustHint: null, oneTimePassword: null };

describe('start banner', () => {
  it('says how to reach the sandbox admin API on the sandbox malls it started', () => {
    const text = startBanner({
      ...base,
      sandboxes: [
        { mall_type: 'coupang', url: 'http://127.0.0.1:40001' },
        { mall_type: 'naver', url: 'http://127.0.0.1:40002' },
      ],
    });
    assert.match(text, /coupang http:\/\/127\.0\.0\.1:40001/);
    assert.match(text, /\/_sandbox\/orders · \/_sandbox\/orders\/:id\/events · \/_sandbox\/faults/);
    assert.match(text, /curl http:\/\/127\.0\.0\.1:40001\/_sandbox\/orders/);
    assert.match(text, /README/);
  });

  it('says nothing of sandboxes when none started, and shows a one-time password once', () => {
    const text = startBanner({ ...base, sandboxes: null, oneTimePassword: 'pw-123' });
    assert.doesNotMatch(text, /_sandbox/);
    assert.equal(text.split('pw-123').length, 2);
  });
});
