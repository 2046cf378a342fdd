// An invoice import's undo record as one packed value on the import (issue 10 benchmark): a 50,000-row import
// wrote 50,000 invoice_import_boxes rows, each with its lines as JSON inside the row, which took longer than the
// numbers themselves. Imports recorded before keep their rows there and undo from them.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('invoice_imports', (t) => {
    /**
     * JSON [[box_id, row, old_courier, old_tracking_number, old_send_status, old_sent_at, box_version_after,
     * [[line_id, status_before, version_after], …]], …]: what every box the import changed carried before.
     */
    t.text('undo_boxes');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('invoice_imports', (t) => {
    t.dropColumn('undo_boxes');
  });
}
