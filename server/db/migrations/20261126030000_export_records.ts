// Exports and pulls with a reason (PRODUCT.md §6, korean-oms.md §1: a download of personal data must have its reason
// confirmed): an access record now says which kind of transfer it was (a read answered as JSON, or an exported
// file), the file's format and the reason given. Retention: an order whose recipient data was masked for good
// remembers when, so the scheduled task never touches it again and the dry run counts only what is left.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('access_records', (t) => {
    /** 'read' (an API answer) or 'export' (a file). Earlier records were all reads. */
    t.string('kind', 8).notNullable().defaultTo('read');
    /** xlsx | csv for an export. */
    t.string('format', 8);
    /** A code of shared/export-reasons.ts, and the free text given with it. */
    t.string('reason', 32);
    t.string('reason_text', 200);
  });
  await knex.schema.alterTable('orders', (t) => {
    t.timestamp('personal_data_erased_at', { useTz: true });
  });
}
