// Files of personal data handed out: an order list (viewers too, masked as in their reads) and a courier booking
// file (operators: a booking with masked names, phones and address could not be delivered, so a viewer has no use for
// one and is refused). Each needs a reason and leaves an access record of kind 'export' (who, when, from where, the
// filter, format, rows, reason) before the first byte leaves.
import type { Response } from 'express';
import {
  bookingExportBody,
  DEFAULT_BOOKING_STATUSES,
  DEFAULT_LABEL_STATUSES,
  labelsExportBody,
  orderLinesExportBody,
} from '../../../shared/api/exports.schema.ts';
import { bookingColumns, bookingRows } from '../../../shared/files/booking-rows.ts';
import { BOOKING_TEMPLATES, needsSender } from '../../../shared/files/booking-templates.ts';
import { orderListColumns, orderListRows } from '../../../shared/files/order-list.ts';
import type { AppDeps } from '../../deps.ts';
import { checkExportRequest, exportFileInfo, writeExport, type ExportRequest } from '../../files/export.ts';
import type { Row, RowSource } from '../../files/flow.ts';
import * as exportsService from '../../modules/exports/exports.service.ts';
import { requireSender } from '../../modules/settings/settings.service.ts';
import { exportsMessages } from '../../modules/exports/exports.messages.ts';
import { labelsHtml } from '../../files/labels.ts';
import { code128Svg } from '../../files/barcode.ts';
import { kstMinute } from '../../../shared/time.ts';
import type { Actor } from '../../domain/actor.ts';
import { fileStamp, sayReplaced, startDownload } from '../download.ts';
import type { EdgeInfo } from '../render.ts';
import { route } from '../route.ts';

type FileAsk = {
  format: 'xlsx' | 'csv';
  encoding?: ExportRequest['encoding'];
  password?: string | undefined;
  reason: string;
  reason_text?: string | undefined;
};

/** The rows, counted: `done` gets the count once the last row is taken, before the writer ends the file, so the record
 *  is complete by the time the client has the whole file. */
async function* counted(rows: RowSource, done: (n: number) => Promise<void>): AsyncGenerator<Row> {
  let n = 0;
  for await (const row of rows) {
    n++;
    yield row;
  }
  await done(n);
}

/** Checks the request, records it, then streams the file and completes the record with its rows. */
async function sendExport(
  deps: AppDeps,
  ctx: { actor: Actor; info: EdgeInfo; res: Response; endpoint: string; filter: Record<string, unknown> },
  ask: FileAsk,
  file: Pick<ExportRequest, 'name' | 'columns' | 'rows'>,
): Promise<undefined> {
  const request: ExportRequest = {
    ...file,
    format: ask.format,
    ...(ask.encoding ? { encoding: ask.encoding } : {}),
    ...(ask.password !== undefined ? { password: ask.password } : {}),
  };
  checkExportRequest(request);
  const record = await exportsService.recordExport(deps.db, ctx.actor, ctx.info, {
    endpoint: ctx.endpoint,
    filter: ctx.filter,
    format: ask.format,
    reason: ask.reason,
    reasonText: ask.reason_text,
  });
  startDownload(ctx.res, exportFileInfo(request));
  await writeExport(ctx.res, { ...request, rows: counted(request.rows, record.finish), beforeBody: (result) => sayReplaced(ctx.res, result) });
  return undefined;
}

export function exportRoutes(deps: AppDeps) {
  return [
    route({
      method: 'post',
      path: '/exports/order-lines',
      tag: 'exports',
      summary:
        'The lines view as an XLSX or CSV file (filters as GET /api/order-lines), with a reason; viewers get names and phones masked. ' +
        'Optional open password (XLSX). Recorded in the access records',
      access: 'viewer',
      response: 'file',
      body: orderLinesExportBody,
      handler: async ({ actor, info, res, body }) => {
        const { format: _format, encoding: _encoding, password: _password, reason: _reason, reason_text: _text, ...filter } = body;
        const lang = info.lang;
        return sendExport(deps, { actor, info, res, endpoint: 'POST /api/exports/order-lines', filter }, body, {
          name: `${lang === 'ko' ? '주문목록' : 'order-lines'}_${fileStamp()}`,
          columns: orderListColumns(lang),
          rows: orderListRows(exportsService.orderLineRecords(deps.db, actor, filter), lang),
        });
      },
    }),
    route({
      method: 'post',
      path: '/exports/booking',
      tag: 'exports',
      summary:
        "A courier's bulk booking file (one row per box, a merged box is one row, our box key in the courier's reference column), " +
        'XLSX or CSV (UTF-8 or CP949), with a reason and an optional open password. The sender columns carry the sender of ' +
        'PUT /api/settings/sender; a template with sender columns is refused (409 sender_not_set) while none is set',
      access: 'operator',
      response: 'file',
      body: bookingExportBody,
      handler: async ({ actor, info, res, body }) => {
        const template = BOOKING_TEMPLATES.find((t) => t.id === body.template)!;
        // Checked before anything is read or recorded: a booking without its shipper is refused by the courier.
        const sender = needsSender(template) ? await requireSender(deps.db) : undefined;
        const statuses = body.status ?? (body.box_ids ? undefined : [...DEFAULT_BOOKING_STATUSES]);
        const lines = await exportsService.bookingLines(deps.db, { statuses, boxIds: body.box_ids });
        const format = body.format ?? template.format;
        // The file is named in the caller's language (its columns are the courier's own, Korean, whatever the caller).
        const courier = template.name[info.lang].replace(/\s*\(.*\)\s*$/, '').replace(/\s+/g, '-');
        return sendExport(
          deps,
          {
            actor,
            info,
            res,
            endpoint: 'POST /api/exports/booking',
            // Box ids as a count, like other long id lists in the records.
            filter: { template: template.id, ...(statuses ? { status: statuses } : {}), ...(body.box_ids ? { box_ids: body.box_ids.length } : {}) },
          },
          { ...body, format, ...(format === 'csv' && !body.encoding ? { encoding: template.csvEncoding } : {}) },
          {
            name: `${courier}_${info.lang === 'ko' ? '택배예약' : 'booking'}_${fileStamp()}`,
            columns: bookingColumns(template),
            rows: bookingRows(lines, template, { ...(sender ? { sender } : {}), masked: exportsService.exportsMasked(actor) }),
          },
        );
      },
    }),
    route({
      method: 'post',
      path: '/exports/labels',
      tag: 'exports',
      summary:
        '송장 출력: waybill labels of numbered boxes as one HTML file (a 100 × 150 mm label per page: courier, the number as digits and ' +
        'a Code 128 barcode, the recipient with full address and the name and phones masked, memo, items, order numbers, the sender ' +
        'of PUT /api/settings/sender: 409 sender_not_set without one), for the boxes the given lines are in or the boxes in the given statuses (운송장출력 by default). ' +
        'With a reason; recorded in the access records. 409 nothing_to_label when none of them has a number, too_many_labels past 3,000 boxes',
      access: 'operator',
      response: 'file',
      body: labelsExportBody,
      handler: async ({ actor, info, res, body }) => {
        // A waybill names its sender (the courier returns an undeliverable parcel there): none set, none printed.
        const sender = await requireSender(deps.db, exportsMessages.labels_need_sender);
        const statuses = body.status ?? (body.line_ids ? undefined : [...DEFAULT_LABEL_STATUSES]);
        const lines = await exportsService.labelLines(deps.db, { statuses, lineIds: body.line_ids });
        const file = await labelsHtml(lines, { sender, barcode: code128Svg, printedAt: kstMinute(new Date().toISOString()) });
        const record = await exportsService.recordExport(deps.db, actor, info, {
          endpoint: 'POST /api/exports/labels',
          filter: { ...(statuses ? { status: statuses } : {}), ...(body.line_ids ? { line_ids: body.line_ids.length } : {}) },
          format: 'html',
          reason: body.reason,
          reasonText: body.reason_text,
        });
        await record.finish(file.labels);
        startDownload(res, {
          contentType: 'text/html; charset=utf-8',
          fileName: `${info.lang === 'ko' ? '송장출력' : 'labels'}_${fileStamp()}.html`,
        });
        res.end(file.html);
        return undefined;
      },
    }),
  ];
}
