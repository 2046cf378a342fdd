// Building blocks of the response schemas: every list answers one shape, and instants are ISO 8601 text.
import { z } from 'zod';

/** A moment as the API writes it: ISO 8601 with an offset (the server writes UTC, `…Z`). */
/**
 * The largest value of an integer column (PostgreSQL's integer is 32-bit; SQLite would take more): record ids, versions
 * and counts past it are a client mistake refused naming the field, not a statement the database fails (a 500).
 */
export const DB_INT_MAX = 2_147_483_647;

export const instant = z.iso.datetime({ offset: true });

/**
 * Every list answers `items` and `next_cursor` (null on the last page, and on lists that are never paged), so a
 * client pages any list the same way.
 */
export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), next_cursor: z.string().nullable() });

/** A list paged by numeric ids (job results, access records): the cursor is the last id seen. */
export const idPage = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), next_cursor: z.number().int().nullable() });

/**
 * Rows of a file in all and per outcome, keyed by the outcome list itself (file imports, order uploads), so an
 * outcome added to the list is counted in the answer, and the count type and the function filling it follow.
 */
export function outcomeCounts<const O extends readonly string[]>(outcomes: O) {
  const shape: Record<string, z.ZodNumber> = { rows: z.number().int() };
  for (const outcome of outcomes) shape[outcome] = z.number().int();
  return z.object(shape as { rows: z.ZodNumber } & Record<O[number], z.ZodNumber>);
}

/** Fills `outcomeCounts(outcomes)`: how many of `rows` had each outcome. */
export function countOutcomes<O extends string>(outcomes: readonly O[], rows: readonly O[]): { rows: number } & Record<O, number> {
  const counts = { rows: rows.length } as { rows: number } & Record<O, number>;
  for (const outcome of outcomes) counts[outcome] = 0 as (typeof counts)[O];
  for (const outcome of rows) counts[outcome]++;
  return counts;
}
