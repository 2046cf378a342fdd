// Units of the Coupang connector that need no network: CEA signing against a fixed example (and the sandbox's
// independent verifier), lossless JSON for 18-digit ids, and the cutting of windows into Coupang's spans.
import { describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { LosslessNumber, parseLossless, stringifyLossless } from '../../server/connectors/coupang/json.ts';
import { ceaAuthorization, signedDate, stringToSign } from '../../server/connectors/coupang/signature.ts';
import { dayPieces, kstToIso, timePieces } from '../../server/connectors/coupang/windows.ts';
import { verifyCea } from '../../server/sandbox/coupang/signature.ts';

// The sample keys of Coupang's public HMAC guide (python example); the expected signature was computed
// independently with `printf '%s' "$message" | openssl dgst -sha256 -hmac "$secret"`.
const EXAMPLE = {
  accessKey: '0a3a0f34-7852-4ad8-9368-766290b8b1ab',
  secretKey: '7ffcdf980d908fe7ca3d642868e22f99f0306bf5',
  method: 'GET',
  path: '/v2/providers/openapi/apis/api/v4/vendors/A00012345/ordersheets',
  query: 'createdAtFrom=2017-11-01&createdAtTo=2017-11-30&status=ACCEPT',
  now: new Date('2017-11-01T01:54:00.456Z'),
  signature: '9c398c106e0d0ee253e43d0e6feeead79414bdb07a24e30b6f923082633c28d9',
};
const url = `${EXAMPLE.path}?${EXAMPLE.query}`;
const secretFor = (key: string) => (key === EXAMPLE.accessKey ? EXAMPLE.secretKey : undefined);

describe('CEA signature (mall-apis §1.1)', () => {
  it('formats signed-date as UTC yyMMddTHHmmssZ', () => {
    assert.equal(signedDate(new Date('2025-03-01T06:15:22.999Z')), '250301T061522Z');
    assert.equal(signedDate(new Date('2009-12-31T23:59:59Z')), '091231T235959Z');
  });

  it('signs date + METHOD + path + query with no separators', () => {
    assert.equal(stringToSign('171101T015400Z', 'get', '/p', 'a=1'), '171101T015400ZGET/pa=1');
  });

  it('matches the fixed example', () => {
    const header = ceaAuthorization(EXAMPLE);
    assert.equal(header, `CEA algorithm=HmacSHA256, access-key=${EXAMPLE.accessKey}, signed-date=171101T015400Z, signature=${EXAMPLE.signature}`);
  });

  it('is accepted by the sandbox verifier within the skew window and refused outside it', () => {
    const header = ceaAuthorization(EXAMPLE);
    const at = (ms: number) => verifyCea({ header, method: 'GET', originalUrl: url, secretFor, now: EXAMPLE.now.getTime() + ms });
    assert.deepEqual(at(60_000), { ok: true, accessKey: EXAMPLE.accessKey });
    assert.deepEqual(at(-4 * 60_000), { ok: true, accessKey: EXAMPLE.accessKey });
    assert.deepEqual(at(6 * 60_000), { ok: false, message: 'Specified signature is expired.' });
  });

  it('is refused when the query, method, secret or key differ', () => {
    const header = ceaAuthorization(EXAMPLE);
    const now = EXAMPLE.now.getTime();
    const check = (over: Partial<Parameters<typeof verifyCea>[0]>) =>
      verifyCea({ header, method: 'GET', originalUrl: url, secretFor, now, ...over }).ok;
    assert.equal(check({ originalUrl: `${EXAMPLE.path}?createdAtTo=2017-11-30&createdAtFrom=2017-11-01&status=ACCEPT` }), false, 're-ordered query');
    assert.equal(check({ originalUrl: `${EXAMPLE.path}?${EXAMPLE.query}&maxPerPage=50` }), false, 'extra parameter');
    assert.equal(check({ method: 'POST' }), false, 'method');
    assert.equal(check({ secretFor: () => 'other-secret' }), false, 'secret');
    assert.equal(check({ secretFor: () => undefined }), false, 'unknown key');
    assert.equal(check({ header: undefined }), false, 'no header');
  });

  it('parses the header leniently (",", no spaces, as in the Partners sample)', () => {
    const header = ceaAuthorization(EXAMPLE).replaceAll(', ', ',');
    assert.equal(verifyCea({ header, method: 'GET', originalUrl: url, secretFor, now: EXAMPLE.now.getTime() }).ok, true);
  });
});

describe('lossless JSON', () => {
  it('keeps integers beyond 2^53 exact, as strings, and leaves safe numbers alone', () => {
    const text = '{"shipmentBoxId":123456789012345678,"orderId":22000009546234,"price":19900,"ratio":-1.5e3,"neg":-9007199254740993}';
    assert.notEqual(String(JSON.parse(text).shipmentBoxId), '123456789012345678', 'plain JSON.parse rounds it');
    assert.deepEqual(parseLossless(text), {
      shipmentBoxId: '123456789012345678',
      orderId: 22000009546234,
      price: 19900,
      ratio: -1500,
      neg: '-9007199254740993',
    });
  });

  it('never touches digits inside strings, escaped quotes included', () => {
    const text = '{"memo":"문 앞 \\"123456789012345678\\" 번","n":[123456789012345678, 1]}';
    assert.deepEqual(parseLossless(text), { memo: '문 앞 "123456789012345678" 번', n: ['123456789012345678', 1] });
  });

  it('throws on malformed text, as JSON.parse does', () => {
    assert.throws(() => parseLossless('{"code":200,"data":[{"broken"'));
    assert.throws(() => parseLossless('{"id":12345678901234567890'));
  });

  it('writes LosslessNumber values as bare numbers and round-trips them', () => {
    const body = {
      vendorId: 'A00012345',
      shipmentBoxIds: [new LosslessNumber('123456789012345678'), new LosslessNumber('42')],
      skip: undefined,
      flag: false,
    };
    const text = stringifyLossless(body);
    assert.equal(text, '{"vendorId":"A00012345","shipmentBoxIds":[123456789012345678,42],"flag":false}');
    assert.deepEqual(parseLossless(text), { vendorId: 'A00012345', shipmentBoxIds: ['123456789012345678', 42], flag: false });
    assert.throws(() => new LosslessNumber('12a'));
  });
});

describe('Coupang windows', () => {
  it('cuts 70 KST days into runs of at most 31, contiguous and complete', () => {
    // 2025-01-01T00:00 KST is 2024-12-31T15:00Z; 70 days later ends on 2025-03-11 KST.
    const pieces = dayPieces({ from: '2024-12-31T15:00:00Z', to: '2025-03-11T14:59:59Z' }, 31);
    assert.deepEqual(pieces, [
      { from: '2025-01-01', to: '2025-01-31' },
      { from: '2025-02-01', to: '2025-03-03' },
      { from: '2025-03-04', to: '2025-03-11' },
    ]);
  });

  it('counts days in KST, not UTC', () => {
    assert.deepEqual(dayPieces({ from: '2025-01-01T15:30:00Z', to: '2025-01-01T16:00:00Z' }, 31), [{ from: '2025-01-02', to: '2025-01-02' }]);
  });

  it('cuts time windows into ≤ 7-day pieces of KST wall clock', () => {
    const pieces = timePieces({ from: '2025-01-01T00:00:00Z', to: '2025-01-20T00:00:00Z' }, 7 * 86400_000);
    assert.deepEqual(pieces, [
      { from: '2025-01-01T09:00:00', to: '2025-01-08T09:00:00' },
      { from: '2025-01-08T09:00:01', to: '2025-01-15T09:00:01' },
      { from: '2025-01-15T09:00:02', to: '2025-01-20T09:00:00' },
    ]);
  });

  it('reads Coupang timestamps as KST', () => {
    assert.equal(kstToIso('2017-10-16 22:08:04'), '2017-10-16T13:08:04.000Z');
    assert.equal(kstToIso('2017-10-10T10:20:16'), '2017-10-10T01:20:16.000Z');
    assert.equal(kstToIso('2025-07-15T00:01+09:00'), '2025-07-14T15:01:00.000Z');
    assert.equal(kstToIso(''), null);
    assert.equal(kstToIso('soon'), null);
  });
});
