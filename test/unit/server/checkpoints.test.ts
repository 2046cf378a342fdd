// While bulk calls write in blocks, SQLite's automatic checkpoints are held back (server/db/checkpoints.ts): one
// checkpoint at the end of the last call instead of one at most of its commits.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'vitest';
import { withCheckpointsHeld } from '../../../server/db/checkpoints.ts';
import { openDb, type Db } from '../../../server/db/knex.ts';

describe('checkpoints held during bulk calls', () => {
  let dir: string;
  let db: Db;
  const autocheckpoint = async () => ((await db.raw('pragma wal_autocheckpoint')) as { wal_autocheckpoint: number }[])[0]!.wal_autocheckpoint;
  const walPages = async () => ((await db.raw('pragma wal_checkpoint(PASSIVE)')) as { log: number; checkpointed: number }[])[0]!;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-ckpt-'));
    db = openDb({ sqliteFile: path.join(dir, 'db.sqlite') });
    await db.schema.createTable('things', (t) => {
      t.increments('id');
      t.text('body');
    });
  });
  afterEach(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('no commit checkpoints while a call runs; the WAL is copied back once when it ends', async () => {
    assert.equal(await autocheckpoint(), 1000);
    const body = 'x'.repeat(3000);
    await withCheckpointsHeld(db, async () => {
      assert.equal(await autocheckpoint(), 0);
      // 20 commits of ~250 pages each: with the default, most of them would copy the WAL back.
      for (let i = 0; i < 20; i++) await db.transaction((trx) => trx('things').insert(Array.from({ length: 300 }, () => ({ body }))));
      // Every commit's pages are still in the WAL (~5,000; a commit past 1,000 pages would have copied them back and
      // the WAL would have started over). This PASSIVE checkpoint copies them all.
      const { log, checkpointed } = await walPages();
      assert.ok(log > 3000, `the WAL held every commit's pages (${log})`);
      assert.equal(checkpointed, log);
    });
    assert.equal(await autocheckpoint(), 1000);
  });

  it('overlapping calls keep them held until the last one ends', async () => {
    let release!: () => void;
    const first = withCheckpointsHeld(db, () => new Promise<void>((resolve) => (release = resolve)));
    await withCheckpointsHeld(db, async () => assert.equal(await autocheckpoint(), 0));
    assert.equal(await autocheckpoint(), 0, 'the first call still runs');
    release();
    await first;
    assert.equal(await autocheckpoint(), 1000);
  });
});
