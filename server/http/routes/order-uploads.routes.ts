import { z } from 'zod';
import {
  deleteOrderUploadBody,
  listOrderUploadsQuery,
  orderUploadBody,
  orderUploadDetail,
  orderUploadPreview,
  orderUploadResult,
  orderUploadsPage,
} from '../../../shared/api/order-uploads.schema.ts';
import type { AppDeps } from '../../deps.ts';
import * as uploads from '../../modules/orders/uploads/order-uploads.service.ts';
import { route } from '../route.ts';

const idParam = z.object({ id: z.string().min(1).max(40) });

// Order uploads answer row numbers, reasons and ids, never the recipients they read: the file is the caller's own,
// and what is stored is read through the orders routes (which record those reads).
export function orderUploadRoutes(deps: AppDeps) {
  return [
    route({
      method: 'post',
      path: '/order-uploads/preview',
      tag: 'order-uploads',
      summary:
        'Read an order sheet (the active worksheet or an uploaded file) through an order-upload template and say per row: ok, invalid with the ' +
        'reasons, or a duplicate of an order number already registered for the channel; nothing is stored',
      access: 'operator',
      response: orderUploadPreview,
      body: orderUploadBody,
      handler: async ({ body }) => uploads.previewUpload(deps.db, body),
    }),
    route({
      method: 'post',
      path: '/order-uploads',
      tag: 'order-uploads',
      summary:
        'Register the valid orders of an order sheet as one upload batch (one order per buyer + recipient + address, a line per unit as for direct ' +
        'orders); with all_or_nothing, nothing when any row is not ok. Answers the preview, the batch and its orders',
      access: 'operator',
      response: orderUploadResult,
      body: orderUploadBody,
      handler: async ({ actor, info, body }) => uploads.registerUpload(deps.db, actor, info, body),
    }),
    route({
      method: 'get',
      path: '/order-uploads',
      tag: 'order-uploads',
      summary: 'Upload batches, newest first (deleted ones with include_deleted=true)',
      access: 'operator',
      response: orderUploadsPage,
      query: listOrderUploadsQuery,
      handler: async ({ query }) => uploads.listUploads(deps.db, query),
    }),
    route({
      method: 'get',
      path: '/order-uploads/:id',
      tag: 'order-uploads',
      summary: 'One upload batch with its orders (number, channel, amount, lines, statuses)',
      access: 'operator',
      response: orderUploadDetail,
      params: idParam,
      handler: async ({ params }) => uploads.getUpload(deps.db, params.id),
    }),
    route({
      method: 'delete',
      path: '/order-uploads/:id',
      tag: 'order-uploads',
      summary:
        'Delete a whole upload batch with a reason (its orders soft-deleted like any deleted order) while none of its orders has moved on ' +
        '(all lines still NEW or READY, no tracking number); otherwise 409 naming those orders',
      access: 'operator',
      response: orderUploadDetail,
      params: idParam,
      body: deleteOrderUploadBody,
      handler: async ({ actor, info, params, body }) => uploads.deleteUpload(deps.db, actor, info, params.id, body.reason),
    }),
  ];
}
