import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'vitest';
import { hashPassword, verifyPassword, generatePassword } from '../../../server/crypto/passwords.ts';
import { createSecretBox, loadMasterKey } from '../../../server/crypto/secret-box.ts';
import { openDb, type Db } from '../../../server/db/knex.ts';
import { migrateToLatest } from '../../../server/db/migrate.ts';
import { createLoginLimiter } from '../../../server/modules/auth/login-limiter.ts';
import { describeError, redact } from '../../../server/log.ts';

describe('passwords', () => {
  it('hashes with a salt and verifies only the right password', async () => {
    const a = await hashPassword('비밀번호-correct-1');
    const b = await hashPassword('비밀번호-correct-1');
    assert.notEqual(a, b);
    assert.match(a, /^scrypt\$16384\$8\$1\$/);
    assert.equal(await verifyPassword('비밀번호-correct-1', a), true);
    assert.equal(await verifyPassword('비밀번호-correct-2', a), false);
    assert.equal(await verifyPassword('x', 'not-a-hash'), false);
  });

  it('one-time passwords are long and varied', () => {
    const set = new Set(Array.from({ length: 50 }, generatePassword));
    assert.equal(set.size, 50);
    for (const p of set) assert.match(p, /^[A-Za-z2-9]{16}$/);
  });
});

describe('secret box', () => {
  const box = createSecretBox(Buffer.alloc(32, 1));
  it('round-trips, never shows the plaintext, and differs each time', () => {
    const sealed = box.seal('{"secret_key":"abc"}', 'acc_1');
    assert.ok(!sealed.includes('abc'));
    assert.notEqual(sealed, box.seal('{"secret_key":"abc"}', 'acc_1'));
    assert.equal(box.open(sealed, 'acc_1'), '{"secret_key":"abc"}');
  });

  it('refuses a tampered value, another context or another key', () => {
    const sealed = box.seal('payload', 'acc_1');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1]! ^= 1;
    assert.throws(() => box.open('v1:' + raw.toString('base64'), 'acc_1'));
    assert.throws(() => box.open(sealed, 'acc_2'));
    assert.throws(() => createSecretBox(Buffer.alloc(32, 2)).open(sealed, 'acc_1'));
  });

  it('generates the master key once, owner-only, and reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-key-'));
    try {
      const first = loadMasterKey(undefined, dir);
      const second = loadMasterKey(undefined, dir);
      assert.deepEqual(first, second);
      assert.equal(first.length, 32);
      assert.equal(fs.statSync(path.join(dir, 'secret.key')).mode & 0o777, 0o600);
      assert.throws(() => loadMasterKey('too-short', dir), /32 characters/);
      assert.equal(loadMasterKey('x'.repeat(40), dir).length, 32);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('login limiter', () => {
  // The limiter keeps its attempts in the database: each test gets a fresh in-memory SQLite one.
  let db: Db;
  beforeEach(async () => {
    db = openDb({});
    await migrateToLatest(db);
  });
  afterEach(() => db.destroy());

  it('blocks a username after five attempts in the window; a success takes its attempt back', async () => {
    const limiter = createLoginLimiter(db, { windowMs: 60_000 });
    const t = 1_000_000;
    for (let i = 0; i < 5; i++) assert.equal((await limiter.begin('kim', '10.0.0.1', t)).wait, 0);
    assert.equal((await limiter.begin('KIM', '10.0.0.9', t + 1000)).wait, 59);
    assert.equal((await limiter.begin('kim', '10.0.0.1', t + 60_001)).wait, 0, 'the window passes');
    const lee = await limiter.begin('lee', undefined, t);
    assert.equal(lee.wait, 0);
    await limiter.succeeded(lee);
    for (let i = 0; i < 5; i++) assert.equal((await limiter.begin('lee', undefined, t)).wait, 0, 'a success cleared the count');
  });

  it('counts attempts as they start, so parallel guesses are limited too', async () => {
    const limiter = createLoginLimiter(db);
    const waits = await Promise.all(Array.from({ length: 40 }, () => limiter.begin('park', '192.0.2.5', 5)));
    assert.equal(waits.filter((a) => a.wait === 0).length, 5);
  });

  it('blocks an address that tries many usernames', async () => {
    const limiter = createLoginLimiter(db, { maxPerIp: 3 });
    for (const u of ['a', 'b', 'c']) await limiter.begin(u, '192.0.2.1', 0);
    assert.ok((await limiter.begin('d', '192.0.2.1', 1)).wait > 0);
    assert.equal((await limiter.begin('d', '192.0.2.2', 1)).wait, 0);
  });

  it('stores no usernames or addresses, and purges attempts older than the window', async () => {
    const limiter = createLoginLimiter(db, { windowMs: 60_000 });
    await limiter.begin('choi', '198.51.100.7', 1_000);
    const dump = JSON.stringify(await db('login_attempts').select('*'));
    assert.ok(!dump.includes('choi') && !dump.includes('198.51.100.7'));
    assert.equal((await db('login_attempts').count({ n: '*' }))[0]!.n, 2);
    await limiter.begin('someone-else', undefined, 1_000 + 5 * 60_000);
    assert.equal((await db('login_attempts').count({ n: '*' }))[0]!.n, 1, 'only the new attempt is left');
  });
});

describe('log redaction', () => {
  it('hides fields that name personal data or secrets, keeps ids and counts', () => {
    const out = redact({ recipient_name: '홍길동', password: 'x', token: 'y', order_id: 'ord_1', line_count: 3, mall_account_id: 'acc_1' });
    assert.deepEqual(out, {
      recipient_name: '[redacted]',
      password: '[redacted]',
      token: '[redacted]',
      order_id: 'ord_1',
      line_count: 3,
      mall_account_id: 'acc_1',
    });
  });

  it('keeps only the driver part of a database error', () => {
    const error = Object.assign(new Error("insert into `orders` (`recipient_name`) values ('홍길동') - SQLITE_CONSTRAINT: UNIQUE failed"), {
      code: 'SQLITE_CONSTRAINT',
    });
    const described = describeError(error);
    assert.equal(described.message, 'SQLITE_CONSTRAINT: UNIQUE failed');
    assert.equal(described.code, 'SQLITE_CONSTRAINT');
    assert.ok(!JSON.stringify(described).includes('홍길동'));
  });
});
