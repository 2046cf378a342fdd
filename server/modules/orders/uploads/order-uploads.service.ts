// Order upload (issue 10 §4): a sheet (the active worksheet or an uploaded file) → rows through an order-upload
// template → a preview with one result per row → the valid orders registered through intake in one batch, which
// can be deleted as a whole while none of its orders has moved on.
import { countOutcomes } from '../../../../shared/api/common.schema.ts';
import type { BulkTransitionBody } from '../../../../shared/api/orders.schema.ts';
import { UPLOAD_ROW_RESULTS, type OrderUploadBody } from '../../../../shared/api/order-uploads.schema.ts';
import { AppError } from '../../../../shared/errors.ts';
import { cellIssueMessage } from '../../../../shared/files/cell-messages.ts';
import { mapRows, type MappedRow } from '../../../../shared/files/map-rows.ts';
import { type FieldName, type OrderUploadTemplate } from '../../../../shared/files/templates.ts';
import { message } from '../../../../shared/i18n.ts';
import { isUniqueViolation, retryOnConflict } from '../../../db/errors.ts';
import type { Db } from '../../../db/knex.ts';
import { newId, ID_PREFIX } from '../../../db/ids.ts';
import type { Actor, RequestInfo } from '../../../domain/actor.ts';
import { fieldError } from '../../../domain/validation.ts';
import { readSource } from '../../../files/source.ts';
import { writeAudit } from '../../audit/audit.repo.ts';
import { findTemplate } from '../../files/templates.service.ts';
import { buildOrder, insertIntakes } from '../intake.ts';
import { Engine } from '../transition-engine.ts';
import { writeChanges } from '../write-changes.ts';
import { loadWorkingSet } from '../working-set-load.ts';
import { uploadMessages, uploadReason } from './order-uploads.messages.ts';
import * as repo from './order-uploads.repo.ts';
import { markExisting, planUpload, registrable, type UploadPlan } from './plan.ts';

/** Statuses an uploaded order may still be in for its batch to be deleted: nothing has been done with it yet. */
const UNTOUCHED = new Set(['NEW', 'READY']);
/** Orders named in a refusal's message; the details list every one. */
const NAMED_ORDERS = 20;

type Input = {
  template: OrderUploadTemplate;
  sourceKind: 'sheet' | 'file';
  sourceName: string;
  headerRow: number;
  unusedHeaders: string[];
  rows: MappedRow[];
  channel: OrderUploadBody['channel'];
};

/** The id an upload records for a template sent with the request rather than named. */
const UNSAVED_TEMPLATE_ID = 'custom';

/** A stored template (built-in or saved in the template store) by id, or the definition sent with the request. */
async function resolveTemplate(db: Db, choice: OrderUploadBody['template']): Promise<OrderUploadTemplate> {
  if ('id' in choice) {
    const found = await findTemplate(db, choice.id);
    if (!found) throw fieldError('template.id', uploadMessages.template_not_found, { id: choice.id }, { code: 'template_not_found' });
    if (found.template.type !== 'order_upload') throw fieldError('template.id', uploadMessages.template_wrong_type, { id: choice.id });
    return found.template;
  }
  const { definition, name } = choice;
  if (definition.type !== 'order_upload') {
    throw fieldError('template.definition.type', uploadMessages.template_wrong_type, { id: name ?? definition.type });
  }
  const label = name ?? UNSAVED_TEMPLATE_ID;
  return { ...definition, id: UNSAVED_TEMPLATE_ID, name: { ko: label, en: label }, builtIn: false };
}

async function readInput(db: Db, body: OrderUploadBody): Promise<Input> {
  const template = await resolveTemplate(db, body.template);
  const sheet = await readSource(body.source);
  const fixed: Partial<Record<FieldName, string>> = {};
  if (body.channel?.channel_kind) fixed.channel_kind = body.channel.channel_kind;
  if (body.channel?.channel_name) fixed.channel_name = body.channel.channel_name;
  const headerRow = body.header_row ?? template.headerRow;
  const mapped = mapRows(sheet, template, { fixed, ...(headerRow !== undefined ? { headerRow } : {}) });
  if (!mapped.ok) {
    throw new AppError('invalid_data', mapped.code, cellIssueMessage(mapped), mapped.missing ? { details: { missing: mapped.missing } } : {});
  }
  return {
    template,
    sourceKind: body.source.kind,
    sourceName: body.source.kind === 'file' ? body.source.filename : body.source.name,
    headerRow: mapped.header_row,
    unusedHeaders: mapped.unused_headers,
    rows: mapped.rows,
    channel: body.channel,
  };
}

/** The plan, with the orders whose number is already registered for their channel marked as duplicates. */
async function decide(db: Db, input: Input, now: string): Promise<UploadPlan> {
  const plan = planUpload(input.rows, input.template, now);
  const numbered = plan.orders.filter((o) => o.mallOrderId !== null);
  const existing = await repo.ordersWithNumbers(
    db,
    numbered.map((o) => o.mallOrderId!),
  );
  const holder = new Map(existing.map((e) => [JSON.stringify([e.channel_name, e.mall_order_id]), e.id]));
  for (const o of numbered) {
    const id = holder.get(JSON.stringify([o.channelName, o.mallOrderId]));
    if (id) markExisting(o, id);
  }
  return plan;
}

function previewOf(input: Input, plan: UploadPlan) {
  const ready = plan.orders.filter(registrable);
  return {
    source_name: input.sourceName,
    template_id: input.template.id,
    header_row: input.headerRow,
    unused_headers: input.unusedHeaders,
    counts: {
      ...countOutcomes(
        UPLOAD_ROW_RESULTS,
        plan.rows.map((r) => r.result),
      ),
      orders: ready.length,
      lines: ready.reduce((sum, o) => sum + o.lines.length, 0),
    },
    rows: plan.rows.map((r) => ({ ...r, product_match: 'unchecked' as const })),
  };
}

export async function previewUpload(db: Db, body: OrderUploadBody) {
  const input = await readInput(db, body);
  return previewOf(input, await decide(db, input, new Date().toISOString()));
}

/**
 * Registers the orders whose rows are all ok (or nothing, with all_or_nothing, when any row is not), in one
 * transaction: the batch, the orders through intake with history rows saying "주문 업로드 <file>", their memos and
 * the numbers they hold. Two uploads of one file racing: the later one's numbers violate the unique index, and its
 * next run finds the winner's orders and answers them as duplicates.
 */
export async function registerUpload(db: Db, actor: Actor, info: Partial<RequestInfo>, body: OrderUploadBody) {
  const input = await readInput(db, body);
  return retryOnConflict(
    () =>
      db.transaction(async (trx) => {
        const now = new Date().toISOString();
        const plan = await decide(trx, input, now);
        const preview = previewOf(input, plan);
        const ready = plan.orders.filter(registrable);
        if (!ready.length || (body.all_or_nothing && preview.counts.ok < preview.counts.rows)) return { ...preview, upload: null, orders: [] };

        const uploadId = newId(ID_PREFIX.upload);
        const origin = { action: 'create_upload', actor, batchId: uploadId, reason: uploadReason(input.sourceName) };
        const intakes = ready.map((o) => buildOrder({ ...o.fields, created_by: actor.id }, o.lines, origin, now));
        const upload: repo.UploadRow = {
          id: uploadId,
          template_id: input.template.id.slice(0, 64),
          template_name: input.template.name.ko.slice(0, 200),
          source_kind: input.sourceKind,
          source_name: input.sourceName.slice(0, 255),
          channel_kind: input.channel?.channel_kind ?? null,
          channel_name: input.channel?.channel_name ?? null,
          rows_total: preview.counts.rows,
          rows_registered: preview.counts.ok,
          rows_refused: preview.counts.rows - preview.counts.ok,
          orders_created: ready.length,
          lines_created: preview.counts.lines,
          created_by: actor.id,
          created_at: now,
          deleted_at: null,
          deleted_by: null,
          delete_reason: null,
        };
        await repo.insertUpload(trx, upload);
        await insertIntakes(trx, intakes);
        await repo.linkOrders(
          trx,
          intakes.map((intake) => ({
            order_id: intake.order.id,
            upload_id: uploadId,
            channel_name: intake.order.channel_name,
            mall_order_key: intake.order.mall_order_id,
          })),
        );
        await repo.insertMemos(
          trx,
          ready.flatMap((o, i) => (o.memo ? [{ order_id: intakes[i]!.order.id, body: o.memo, author_id: actor.id, created_at: now }] : [])),
        );
        await writeAudit(trx, actor, info, {
          action: 'order_upload_registered',
          entity: 'order_upload',
          entityId: uploadId,
          detail: { rows: upload.rows_total, registered: upload.rows_registered, orders: upload.orders_created, lines: upload.lines_created },
        });
        return {
          ...preview,
          upload,
          orders: ready.map((o, i) => ({ id: intakes[i]!.order.id, order: o.order, rows: o.rows.map((r) => r.row) })),
        };
      }),
    { also: isUniqueViolation },
  );
}

export async function listUploads(db: Db, query: { limit: number; include_deleted?: boolean | undefined }) {
  return { items: await repo.listUploads(db, { limit: query.limit, includeDeleted: query.include_deleted ?? false }), next_cursor: null };
}

export async function getUpload(db: Db, id: string) {
  const upload = await repo.findUpload(db, id);
  if (!upload) throw new AppError('not_found', 'upload_not_found', message(uploadMessages.upload_not_found, { id }));
  return { ...upload, orders: await repo.ordersOf(db, id) };
}

/**
 * Deletes every order of the batch (soft, with the reason, through the engine's delete like any order) while
 * none has moved on: all lines still NEW or READY and in no box. Otherwise refused, naming the orders that moved.
 * Orders already deleted one by one are left as they are.
 */
export async function deleteUpload(db: Db, actor: Actor, info: Partial<RequestInfo>, id: string, reason: string) {
  await retryOnConflict(() =>
    db.transaction(async (trx) => {
      const upload = await repo.findUpload(trx, id, { lock: true });
      if (!upload) throw new AppError('not_found', 'upload_not_found', message(uploadMessages.upload_not_found, { id }));
      if (upload.deleted_at) throw new AppError('conflict', 'upload_already_deleted', message(uploadMessages.upload_already_deleted, { id }));
      const orderIds = await repo.orderIdsOf(trx, id);
      const set = await loadWorkingSet(trx, { ids: orderIds, actions: ['delete'] });
      const live = orderIds.filter((orderId) => set.orders.get(orderId) && !set.orders.get(orderId)!.deleted_at);
      const movedOn = live.filter((orderId) => set.linesOfOrder(orderId).some((l) => !UNTOUCHED.has(l.status) || l.box_id !== null));
      if (movedOn.length) {
        const named = movedOn.slice(0, NAMED_ORDERS).join(', ') + (movedOn.length > NAMED_ORDERS ? ` … (${movedOn.length})` : '');
        throw new AppError('conflict', 'upload_moved_on', message(uploadMessages.upload_moved_on, { orders: named }), {
          details: { orders: movedOn },
        });
      }
      const now = new Date().toISOString();
      if (live.length) {
        const batchId = newId(ID_PREFIX.batch);
        const engine = new Engine(set, actor, batchId, undefined, now);
        const body = {
          action: 'delete',
          reason,
          items: live.map((orderId) => ({ id: orderId, version: set.loadedVersion(orderId)! })),
        } as BulkTransitionBody;
        const results = await engine.runAll(body);
        // The rows are locked and their versions are the ones just read: a refusal here is a bug, not a user's case.
        const refused = results.find((r) => r.result === 'refused');
        if (refused) throw new Error(`order upload ${id}: delete of ${refused.id} refused (${refused.code})`);
        await writeChanges(trx, set.writes, { actor, batchId, now });
      }
      await repo.markDeleted(trx, id, { deleted_at: now, deleted_by: actor.id, delete_reason: reason });
      await writeAudit(trx, actor, info, { action: 'order_upload_deleted', entity: 'order_upload', entityId: id, detail: { orders: live.length } });
    }),
  );
  return getUpload(db, id);
}
