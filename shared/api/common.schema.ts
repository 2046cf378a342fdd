// Building blocks of the response schemas: every list answers one shape, and instants are ISO 8601 text.
import { z } from 'zod';

/** A moment as the API writes it: ISO 8601 with an offset (the server writes UTC, `…Z`). */
export const instant = z.iso.datetime({ offset: true });

/**
 * Every list answers `items` and `next_cursor` (null on the last page, and on lists that are never paged), so a
 * client pages any list the same way.
 */
export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), next_cursor: z.string().nullable() });

/** A list paged by numeric ids (job results, access records): the cursor is the last id seen. */
export const idPage = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), next_cursor: z.number().int().nullable() });
