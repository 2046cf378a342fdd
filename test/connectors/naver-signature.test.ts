import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import bcrypt from 'bcryptjs';
import { clientSecretSign, isBcryptSalt } from '../../server/connectors/naver/signature.ts';
import { splitWindow, toKstIso, toUtcIso } from '../../server/connectors/naver/kst-time.ts';

describe('naver client_secret_sign', () => {
  // Expected values computed outside bcryptjs, with the system's crypt(3) (libxcrypt) via
  // perl -MMIME::Base64 -e 'print encode_base64(crypt("aaaabbbb_1643956077762", q($2a$04$GArtKqCOC6uo7eeoa0ID6O)), "")'
  it('matches bcrypt vectors from an independent implementation', async () => {
    assert.equal(
      await clientSecretSign('aaaabbbb', '1643956077762', '$2a$04$GArtKqCOC6uo7eeoa0ID6O'),
      'JDJhJDA0JEdBcnRLcUNPQzZ1bzdlZW9hMElENk9rYk5GU3FtYy53S3dZa1A5d2RlZGMuUnhMWkhUMGlP',
    );
    assert.equal(
      await clientSecretSign('3vJ9kLmQ2xR7tYc1NpW4sA', '1764000000000', '$2a$04$yRlwyVTs4QW/Ponr6vja0O'),
      'JDJhJDA0JHlSbHd5VlRzNFFXL1BvbnI2dmphME84Z3JvOFgzUWNhem5aMmZuMm52L1VqZHhaWU12Zjhp',
    );
  });

  it('is standard Base64 of a bcrypt hash of `${client_id}_${timestamp}` salted with the secret', async () => {
    const secret = '$2a$04$yRlwyVTs4QW/Ponr6vja0O';
    const sign = await clientSecretSign('app-id', '1700000000123', secret);
    assert.match(sign, /^[A-Za-z0-9+/]+=*$/);
    const hash = Buffer.from(sign, 'base64').toString('utf8');
    assert.ok(hash.startsWith(secret), hash);
    assert.equal(bcrypt.compareSync('app-id_1700000000123', hash), true);
    assert.equal(bcrypt.compareSync('app-id_1700000000124', hash), false);
  });

  it('refuses a secret that is not a bcrypt salt', async () => {
    assert.equal(isBcryptSalt('$2a$04$yRlwyVTs4QW/Ponr6vja0O'), true);
    assert.equal(isBcryptSalt('not-a-salt'), false);
    await assert.rejects(clientSecretSign('id', '1', 'plain-secret'), TypeError);
  });
});

describe('naver KST times and windows', () => {
  it('writes instants as KST with milliseconds and +09:00', () => {
    assert.equal(toKstIso(Date.parse('2022-04-11T06:21:44Z')), '2022-04-11T15:21:44.000+09:00');
    assert.equal(toKstIso(Date.parse('2023-12-31T15:00:00.5Z')), '2024-01-01T00:00:00.500+09:00');
    assert.equal(toUtcIso('2023-01-16T17:14:51.794+09:00'), '2023-01-16T08:14:51.794Z');
    assert.equal(toUtcIso(''), null);
  });

  it('cuts a window into consecutive pieces of at most 24 hours', () => {
    const day = 86400_000;
    const from = Date.parse('2025-03-01T00:00:00Z');
    const spans = splitWindow(new Date(from).toISOString(), new Date(from + 3 * day).toISOString());
    assert.deepEqual(spans, [
      { fromMs: from, toMs: from + day },
      { fromMs: from + day, toMs: from + 2 * day },
      { fromMs: from + 2 * day, toMs: from + 3 * day },
    ]);
    assert.equal(splitWindow(new Date(from).toISOString(), new Date(from + day + 1).toISOString()).length, 2);
    assert.deepEqual(splitWindow(new Date(from).toISOString(), new Date(from + 60_000).toISOString()), [{ fromMs: from, toMs: from + 60_000 }]);
    assert.deepEqual(splitWindow(new Date(from + 1).toISOString(), new Date(from).toISOString()), []);
  });
});
