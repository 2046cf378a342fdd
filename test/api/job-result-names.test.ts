// A job result names its product in item_name, a string(200) column. A box of several products stores a Message
// ("{name} 외 {more}건") as its JSON: with a long product name that JSON must still fit the column, or PostgreSQL
// refuses the insert and the job fails at its end (SQLite keeps any length, so only the PostgreSQL run showed it).
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { message, render } from '../../shared/i18n.ts';
import { insertJob, insertResults, listResults } from '../../server/jobs/jobs.repo.ts';
import { jobsMessages } from '../../server/jobs/jobs.messages.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s?.close());

describe('job result names', () => {
  it('a box of a 200-character product and 2 more is stored within the column and reads back as the same product, shortened', async () => {
    const db = s.deps.db;
    const jobId = 'job_result_names_1';
    await insertJob(db, {
      id: jobId,
      type: 'collect',
      mall_account_id: null,
      state: 'running',
      trigger: 'manual',
      params: {},
      created_by: null,
      created_at: new Date().toISOString(),
    } as never);
    const name = '스테인리스 "진공" 텀블러 '.repeat(20).slice(0, 200);
    await insertResults(db, jobId, [
      {
        ref_type: 'box',
        ref_id: null,
        mall_ref: '1',
        result: 'ok',
        code: null,
        message: null,
        item_name: message(jobsMessages.box_items, { name, more: 2 }),
      },
      { ref_type: 'line', ref_id: null, mall_ref: '2', result: 'ok', code: null, message: null, item_name: name + '초과' },
    ]);
    const [box, line] = (await listResults(db, jobId, { limit: 10 })).rows;
    const boxName = render(box!.item_name as never, 'ko');
    assert.ok(boxName.endsWith(' 외 2건'), boxName);
    assert.ok(name.startsWith(boxName.slice(0, -' 외 2건'.length)), boxName);
    assert.equal(line!.item_name, name);
  });
});
