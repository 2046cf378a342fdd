// The operator's reason for a decision on a mall's claim (클레임 처리 전송): a refused return is sent to Naver with it
// (rejectReturnReason). The claim's own reason is the buyer's, as the mall reported it; the operator's went only into
// the history, and the buyer's words were sent back to the mall as the refusal's.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('claims', (t) => {
    t.string('mall_decision_reason', 500);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('claims', (t) => {
    t.dropColumn('mall_decision_reason');
  });
}
