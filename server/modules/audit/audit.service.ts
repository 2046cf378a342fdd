// Admins review who read personal data — the access records every such read leaves (PIPA safety standard §8) — and
// who did what: the audit log (imports, uploads, retention runs, sign-ins, users and tokens).
import type { z } from 'zod';
import type { accessRecordsQuery, AuditLogQuery } from '../../../shared/api/audit.schema.ts';
import { kstDayStart } from '../../../shared/time.ts';
import type { Db } from '../../db/knex.ts';
import * as repo from './audit.repo.ts';

/** The KST day after `day` (YYYY-MM-DD): where an inclusive `to` day ends. */
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);

/** Access records newest first, `from` and `to` being whole KST days (both included). */
export async function listAccessRecords(db: Db, query: z.infer<typeof accessRecordsQuery>) {
  const { rows, next } = await repo.listAccessRecords(db, {
    userId: query.user_id,
    from: query.from ? kstDayStart(query.from) : undefined,
    to: query.to ? kstDayStart(nextDay(query.to)) : undefined,
    beforeId: query.cursor,
    limit: query.limit,
  });
  return { items: rows, next_cursor: next };
}

/** Audit log entries newest first, `from` and `to` being whole KST days (both included). */
export async function listAuditLog(db: Db, query: AuditLogQuery) {
  const { rows, next } = await repo.listAuditLog(db, {
    actorId: query.actor_id,
    action: query.action,
    entity: query.entity,
    entityId: query.entity_id,
    from: query.from ? kstDayStart(query.from) : undefined,
    to: query.to ? kstDayStart(nextDay(query.to)) : undefined,
    beforeId: query.cursor,
    limit: query.limit,
  });
  return { items: rows, next_cursor: next };
}
