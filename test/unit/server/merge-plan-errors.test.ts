// A failing database read reaches planDesk's caller as its error: none of its reads is left running unheard, so a
// failure cannot become an unhandled rejection (which stops the process) while another read is awaited.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { openDb } from '../../../server/db/knex.ts';
import { migrateToLatest } from '../../../server/db/migrate.ts';
import { planDesk } from '../../../server/modules/merge/merge-plan.ts';

describe('merge desk plan', () => {
  it('answers a failing read as its own error', async () => {
    const db = openDb({});
    await migrateToLatest(db);
    // Every read fails once the connection is gone: the caller hears it, the process stays up.
    await db.destroy();
    await assert.rejects(planDesk(db));
  });
});
