// The number each mall holds for a line (운송장전송): what the mall took last, per line — so whether the next send is a
// first number or a change is decided by what that mall has, not by the box. A box merged across two accounts, or
// renumbered while one mall was taking its old number, had only the box's sent_at to go by, and the other mall was
// sent a "change" of a number it never had (Naver refuses that). Not a change of ours: versions stay.
//
// Filled for boxes sent before, as the box-level rule read them: a line past shipping (its mall took the number) has
// it; a line still numbered or shipped has it when its box was sent and renumbered since, unless another line of the
// box moved on (then it was the other account's mall that took it).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('order_lines', (t) => {
    t.string('mall_tracking_number', 40);
  });
  await knex.raw(
    `update order_lines set mall_tracking_number = (select b.tracking_number from boxes b where b.id = order_lines.box_id)
     where box_id in (select b.id from boxes b where b.sent_at is not null and b.tracking_number is not null)
       and (status not in ('INVOICED', 'SHIPPED')
         or box_id in (select b.id from boxes b where b.send_status <> 'sent'
           and not exists (select 1 from order_lines y where y.box_id = b.id and y.status not in ('INVOICED', 'SHIPPED'))))`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('order_lines', (t) => {
    t.dropColumn('mall_tracking_number');
  });
}
