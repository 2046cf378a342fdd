// Claims a mall reported and an operator decided here (완료 = approve the buyer's cancel / return, 철회 = refuse it)
// must be told to the mall: the claim-decisions job sends them (server/jobs/claim-decisions.job.ts). Each decided
// claim carries what was decided, by whom and when, and where sending it stands: pending (to send), sent (the mall
// took it), failed (the mall refused; sent again by the next run, its reason kept) or unsupported (the mall offers
// no call for it: not sent, the operator decides it in the mall's seller center). Claims entered by hand have none.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('claims', (t) => {
    t.string('mall_decision', 16); // approve | reject
    t.string('mall_decision_status', 16); // pending | sent | failed | unsupported
    t.timestamp('mall_decided_at', { useTz: true });
    t.string('mall_decided_by', 40);
    t.timestamp('mall_sent_at', { useTz: true });
    t.text('mall_decision_error'); // the mall's reason (a stored Message)
    t.index(['mall_decision_status']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('claims', (t) => {
    t.dropIndex(['mall_decision_status']);
    t.dropColumn('mall_decision_error');
    t.dropColumn('mall_sent_at');
    t.dropColumn('mall_decided_by');
    t.dropColumn('mall_decided_at');
    t.dropColumn('mall_decision_status');
    t.dropColumn('mall_decision');
  });
}
