// The audit log: who did what to which record, from where. Details hold ids and counts, never personal data.
import type { Db } from '../../db/knex.ts';
import type { Actor, RequestInfo } from '../../http/context.ts';

export type AuditEntry = {
  action: string;
  entity?: string;
  entityId?: string | null;
  detail?: Record<string, unknown>;
};

export async function writeAudit(db: Db, actor: Actor, info: Partial<RequestInfo>, entry: AuditEntry): Promise<void> {
  await db('audit_log').insert({
    at: new Date().toISOString(),
    actor_type: actor.type,
    actor_id: actor.id,
    action: entry.action,
    entity: entry.entity ?? null,
    entity_id: entry.entityId ?? null,
    request_id: info.requestId ?? null,
    ip: info.ip ?? null,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
  });
}

export async function listAudit(db: Db, options: { limit: number; beforeId?: number; action?: string }) {
  const q = db('audit_log').orderBy('id', 'desc').limit(options.limit);
  if (options.beforeId) q.where('id', '<', options.beforeId);
  if (options.action) q.where('action', options.action);
  const rows = await q;
  return rows.map((r) => ({ ...r, detail: r.detail ? JSON.parse(r.detail) : null }));
}
