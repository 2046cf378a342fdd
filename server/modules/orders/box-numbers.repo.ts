// Which tracking numbers boxes carry already: numbering from a courier's band (tracking-bands) skips them, as the
// engine keeps a number to one box whatever its courier.
import type { Knex } from 'knex';
import { whereIdIn } from '../../db/bulk.ts';
import type { Db } from '../../db/knex.ts';

export async function numbersOnBoxes(db: Db | Knex.Transaction, numbers: readonly string[]): Promise<Set<string>> {
  if (!numbers.length) return new Set();
  const rows = (await whereIdIn(db, db('boxes').select('tracking_number'), 'tracking_number', numbers)) as { tracking_number: string }[];
  return new Set(rows.map((r) => r.tracking_number));
}
