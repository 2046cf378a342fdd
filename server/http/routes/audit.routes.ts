// Admins review who read personal data: the access records every such read leaves (PIPA safety standard §8).
import { accessRecordsPage, accessRecordsQuery } from '../../../shared/api/audit.schema.ts';
import { kstDayStart } from '../../../shared/time.ts';
import type { AppDeps } from '../../deps.ts';
import { listAccessRecords } from '../../modules/audit/audit.repo.ts';
import { route } from '../route.ts';

/** The KST day after `day` (YYYY-MM-DD): where an inclusive `to` day ends. */
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);

export function auditRoutes(deps: AppDeps) {
  return [
    route({
      method: 'get',
      path: '/audit/access-records',
      tag: 'audit',
      summary: 'Reads of personal data, newest first: who, when, from which address, endpoint and filter, rows returned, masked or not',
      access: 'admin',
      response: accessRecordsPage,
      query: accessRecordsQuery,
      handler: async ({ query }) => {
        const { rows, next } = await listAccessRecords(deps.db, {
          userId: query.user_id,
          from: query.from ? kstDayStart(query.from) : undefined,
          to: query.to ? kstDayStart(nextDay(query.to)) : undefined,
          beforeId: query.cursor,
          limit: query.limit,
        });
        return { items: rows, next_cursor: next };
      },
    }),
  ];
}
