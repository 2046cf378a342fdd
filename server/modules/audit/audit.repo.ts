// The audit log: who did what to which record, from where. Details hold ids and counts, never personal data.
import type { Db } from '../../db/knex.ts';
import type { Actor, RequestInfo } from '../../domain/actor.ts';

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

export type AuditLogFilter = {
  actorId?: string | undefined;
  action?: string | undefined;
  entity?: string | undefined;
  entityId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  beforeId?: number | undefined;
  limit: number;
};

/** Newest first, keyset-paged by id; `from` inclusive, `to` exclusive (ISO timestamps). */
export async function listAuditLog(db: Db, f: AuditLogFilter) {
  const q = db('audit_log')
    .orderBy('id', 'desc')
    .limit(f.limit + 1);
  if (f.actorId) q.where('actor_id', f.actorId);
  if (f.action) q.where('action', f.action);
  if (f.entity) q.where('entity', f.entity);
  if (f.entityId) q.where('entity_id', f.entityId);
  if (f.from) q.where('at', '>=', f.from);
  if (f.to) q.where('at', '<', f.to);
  if (f.beforeId) q.where('id', '<', f.beforeId);
  const rows = (await q) as Array<Record<string, unknown> & { id: number; detail: string | null }>;
  const more = rows.length > f.limit;
  const page = (more ? rows.slice(0, f.limit) : rows).map((r) => ({ ...r, detail: r.detail ? (JSON.parse(r.detail) as unknown) : null }));
  return { rows: page, next: more ? page[page.length - 1]!.id : null };
}

// ---- access records: reads of personal data (PIPA safety standard §8) -------------------------------------------

/** How long access records are kept at the least (README, "Access records"); nothing here deletes them. */
export const ACCESS_RECORD_RETENTION_YEARS = 2;

export type AccessRecord = {
  endpoint: string;
  filter: Record<string, unknown>;
  rows: number;
  masked: boolean;
  /** 'export' for a file handed out; a read answered as JSON otherwise. */
  kind?: 'read' | 'export';
  format?: string | undefined;
  /** A code of shared/export-reasons.ts and its free text (an export always has one; a pull when the pane sends it). */
  reason?: string | undefined;
  reasonText?: string | undefined;
};

/** One row per request, however many rows it returned. Resolves with the record's id. */
export async function insertAccessRecord(db: Db, actor: Actor, info: Partial<RequestInfo>, record: AccessRecord): Promise<number> {
  const [inserted] = await db('access_records')
    .insert({
      at: new Date().toISOString(),
      actor_type: actor.type,
      user_id: actor.id,
      ip: info.ip ?? null,
      request_id: info.requestId ?? null,
      endpoint: record.endpoint.slice(0, 120),
      filter: JSON.stringify(record.filter),
      rows: record.rows,
      masked: record.masked,
      kind: record.kind ?? 'read',
      format: record.format ?? null,
      reason: record.reason ?? null,
      reason_text: record.reasonText || null,
    })
    .returning('id');
  return Number(typeof inserted === 'object' ? (inserted as { id: number }).id : inserted);
}

/** The rows of an export, known once the file is written (the record itself is made before the first byte leaves). */
export async function setAccessRecordRows(db: Db, id: number, rows: number): Promise<void> {
  await db('access_records').where({ id }).update({ rows });
}

export type AccessRecordQuery = {
  userId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  beforeId?: number | undefined;
  limit: number;
};

/** Newest first, keyset-paged by id; `from` inclusive, `to` exclusive (ISO timestamps). */
export async function listAccessRecords(db: Db, f: AccessRecordQuery) {
  const q = db('access_records')
    .orderBy('id', 'desc')
    .limit(f.limit + 1);
  if (f.userId) q.where('user_id', f.userId);
  if (f.from) q.where('at', '>=', f.from);
  if (f.to) q.where('at', '<', f.to);
  if (f.beforeId) q.where('id', '<', f.beforeId);
  const rows = (await q) as Array<Record<string, unknown> & { id: number; filter: string | null; masked: unknown }>;
  const more = rows.length > f.limit;
  const page = (more ? rows.slice(0, f.limit) : rows).map((r) => ({
    ...r,
    masked: !!r.masked,
    filter: r.filter ? (JSON.parse(r.filter) as unknown) : null,
  }));
  return { rows: page, next: more ? page[page.length - 1]!.id : null };
}
