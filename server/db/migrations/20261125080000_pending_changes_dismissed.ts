// A pending mall change an operator dismissed is remembered, not deleted: sync windows overlap (windows.ts), so the
// next sync meets the same change again and, with the row gone, would keep it as pending once more. A dismissed row
// hides that change (and older ones) for its line; a newer word of the mall replaces it and is pending again.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('pending_mall_changes', (t) => {
    t.timestamp('dismissed_at', { useTz: true });
  });
}
