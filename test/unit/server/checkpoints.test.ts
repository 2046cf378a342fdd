// SQLite's WAL is copied back by a checkpointer on a connection of its own (server/db/checkpoints.ts), never by the
// server's commits: a commit returns once its pages are in the WAL, and the WAL is copied back a moment later.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'vitest';
import { BACKSTOP_PAGES, CHECKPOINT_EVERY_MS, startCheckpointer } from '../../../server/db/checkpoints.ts';
import { openDb, type Db } from '../../../server/db/knex.ts';

const body = 'x'.repeat(3000);
/** A commit of ~250 pages. */
const insertSome = (db: Db) => db.transaction((trx) => trx('things').insert(Array.from({ length: 300 }, () => ({ body }))));
const walBytes = (file: string) => fs.statSync(`${file}-wal`).size;

const fileBytes = (file: string) => fs.statSync(file).size;

describe('checkpoints off the server connection', () => {
  let dir: string;
  let file: string;
  let db: Db | undefined;
  const open = async (checkpointEveryMs?: number, firstQueryAfterMs = 0) => {
    db = openDb({ sqliteFile: file, ...(checkpointEveryMs ? { checkpointEveryMs } : {}) });
    if (firstQueryAfterMs) await new Promise((resolve) => setTimeout(resolve, firstQueryAfterMs));
    await db.schema.createTable('things', (t) => {
      t.increments('id');
      t.text('body');
    });
    return db;
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-ckpt-'));
    file = path.join(dir, 'db.sqlite');
  });
  afterEach(async () => {
    await db?.destroy();
    db = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('no commit copies the WAL back: every commit of a burst stays in it until a checkpoint', async () => {
    const db = await open(3_600_000);
    // SQLite's own checkpoint stays only as a backstop, far above a burst of commits.
    const pragma = (await db.raw('pragma wal_autocheckpoint')) as { wal_autocheckpoint: number }[];
    assert.equal(pragma[0]!.wal_autocheckpoint, BACKSTOP_PAGES);
    const empty = fileBytes(file);
    // 20 commits of ~250 pages each: with SQLite's default, a commit past 1,000 pages would copy the WAL into the
    // database file and the WAL would start over.
    for (let i = 0; i < 20; i++) await insertSome(db);
    assert.equal(fileBytes(file), empty, 'the database file has not been written: the pages are all in the WAL');
    const look = startCheckpointer(file, { everyMs: 3_600_000 });
    try {
      const { log, checkpointed } = await look.checkpoint();
      assert.ok(log > 3000, `the WAL held every commit's pages (${log})`);
      assert.equal(checkpointed, log, 'a PASSIVE checkpoint with nobody reading copies them all');
      assert.ok(fileBytes(file) > 15_000_000, 'the pages are in the database file now');
      // Everything copied: the next writes start the WAL over instead of growing it.
      const wal = walBytes(file);
      for (let i = 0; i < 20; i++) await insertSome(db);
      // (A little more than before at most — the table's b-tree is deeper now — never the twice of a WAL grown on.)
      assert.ok(walBytes(file) < wal * 1.1, `the WAL was written over from its start (${walBytes(file)} bytes, was ${wal})`);
    } finally {
      await look.stop();
    }
  });

  it("the server's own checkpointer copies the WAL back a moment after the commits", async () => {
    // Its first look long before the first query: it starts with the connection that puts the file in WAL mode
    // (a connection that reads the file before that stays in rollback mode, where checkpoints do nothing).
    const db = await open(20, 150);
    const empty = fileBytes(file);
    for (let i = 0; i < 8; i++) await insertSome(db);
    const deadline = Date.now() + 4 * CHECKPOINT_EVERY_MS;
    while (fileBytes(file) < empty + 6_000_000 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(fileBytes(file) > empty + 6_000_000, `the database file holds the commits (${fileBytes(file)} bytes)`);
    const rows = (await db('things').count({ n: '*' }))[0] as { n: number };
    assert.equal(Number(rows.n), 8 * 300);
  });

  it('a stopped checkpointer has closed its connection', async () => {
    const db = await open(3_600_000);
    const c = startCheckpointer(file, { everyMs: 3_600_000 });
    await insertSome(db);
    const { log, checkpointed } = await c.checkpoint();
    assert.ok(log > 0 && checkpointed === log, `${checkpointed} of ${log}`);
    await c.stop();
    await assert.rejects(c.checkpoint(), /stopped/);
  });

  it('a handle destroyed while its first connection is being made leaves no checkpointer behind', async () => {
    const errors: Error[] = [];
    const racing = openDb({ sqliteFile: file, checkpointEveryMs: 10, onCheckpointError: (error) => errors.push(error) });
    const query = racing.raw('select 1').catch(() => undefined);
    await racing.destroy();
    await query;
    // A checkpointer left running would now fail at every look on the file taken away.
    fs.rmSync(dir, { recursive: true, force: true });
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(
      errors.map((e) => e.message),
      [],
    );
  });

  it('a connection that could not be opened is opened again at the next look; a new failure is said at once', async () => {
    const errors: Error[] = [];
    // No file yet: the checkpointer never creates one, so its open fails.
    const c = startCheckpointer(file, { everyMs: 3_600_000, onError: (error) => errors.push(error) });
    try {
      await assert.rejects(c.checkpoint(), /SQLITE_CANTOPEN/);
      const db = await open(3_600_000);
      await insertSome(db);
      const { log, checkpointed } = await c.checkpoint();
      assert.ok(log > 0 && checkpointed === log, `${checkpointed} of ${log}`);
    } finally {
      await c.stop();
    }
    // Reports: the same failure once a minute, another one at once.
    fs.rmSync(file);
    for (const name of ['-wal', '-shm']) fs.rmSync(file + name, { force: true });
    const timed = startCheckpointer(file, { everyMs: 10, onError: (error) => errors.push(error) });
    await new Promise((resolve) => setTimeout(resolve, 100));
    fs.writeFileSync(file, '');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await timed.stop();
    assert.deepEqual(
      errors.map((e) => (/CANTOPEN/.test(e.message) ? 'cantopen' : /not in WAL mode/.test(e.message) ? 'not wal' : e.message)),
      ['cantopen', 'not wal'],
    );
  });

  it('says so when the file is not in WAL mode (a checkpoint there copies nothing)', async () => {
    fs.writeFileSync(file, '');
    const errors: Error[] = [];
    const c = startCheckpointer(file, { everyMs: 3_600_000, onError: (error) => errors.push(error) });
    try {
      await assert.rejects(c.checkpoint(), /not in WAL mode/);
      const timed = startCheckpointer(file, { everyMs: 10, onError: (error) => errors.push(error) });
      await new Promise((resolve) => setTimeout(resolve, 100));
      await timed.stop();
      assert.equal(errors.length, 1, 'reported once, not at every look');
      assert.match(errors[0]!.message, /not in WAL mode/);
    } finally {
      await c.stop();
    }
  });
});
