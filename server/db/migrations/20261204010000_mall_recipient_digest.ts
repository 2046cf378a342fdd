// A buyer may change the delivery address at the mall after we collected the order (Coupang while ACCEPT/INSTRUCT,
// Naver's DELIVERY_ADDRESS_CHANGED). Sync compares the receiver the mall shows now with the one it showed last time,
// not with ours (an operator's correction here is not a change at the mall): each mall order keeps a digest (SHA-256,
// hex) of the recipient cells as the mall last gave them. A digest, not the values: no second copy of personal data;
// retention clears it with the rest. Orders collected before this have none (sync then compares with ours).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (t) => {
    t.string('mall_recipient_digest', 64);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (t) => {
    t.dropColumn('mall_recipient_digest');
  });
}
