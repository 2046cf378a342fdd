// Stock allocation (재고할당): preview → apply → undo, the batches and the shop's allocation setting.
import { z } from 'zod';
import {
  allocationApplied,
  allocationApplyBody,
  allocationBatches,
  allocationPreview,
  allocationPreviewBody,
  allocationSettings,
  allocationUndone,
} from '../../../shared/api/allocation.schema.ts';
import type { AppDeps } from '../../deps.ts';
import {
  applyAllocation,
  getAllocationSettings,
  listBatches,
  previewAllocation,
  saveAllocationSettings,
  undoAllocation,
} from '../../modules/allocation/allocation.service.ts';
import { route } from '../route.ts';

const batchParams = z.object({ id: z.string().min(1).max(40) });

export function allocationRoutes(deps: AppDeps) {
  const { db } = deps;
  return [
    route({
      method: 'post',
      path: '/allocation/preview',
      tag: 'allocation',
      summary:
        'Preview an allocation of available stock to the released (READY, matched) lines under a policy (complete 완배송, available ' +
        '선배송, together 일괄배송) and an order rule (priority flag, channel priority, then date, quantity or amount): the outcome per ' +
        'order and per line the warehouse and quantity. The plan is kept as a batch with the versions it saw; apply it by its batch_id',
      access: 'operator',
      body: allocationPreviewBody,
      response: allocationPreview,
      handler: async ({ actor, body }) => previewAllocation(db, actor, body),
    }),
    route({
      method: 'post',
      path: '/allocation/apply',
      tag: 'allocation',
      summary:
        'Apply a previewed allocation in one transaction: stock allocated (with stock history), unserved lines split to a new order ' +
        '(선배송) and flagged sold-out. 409 allocation_moved, naming the orders or stock rows, when anything changed since the preview; ' +
        '409 preview_outdated for a preview an earlier server version made',
      access: 'operator',
      body: allocationApplyBody,
      response: allocationApplied,
      handler: async ({ actor, body, info }) => applyAllocation(db, actor, body.batch_id, info),
    }),
    route({
      method: 'post',
      path: '/allocation/batches/:id/undo',
      tag: 'allocation',
      summary:
        'Undo an applied allocation batch: stock returned, splits merged back, the sold-out flags it set cleared. 409 undo_blocked ' +
        'while a later batch stands or an order it touched changed since',
      access: 'operator',
      params: batchParams,
      response: allocationUndone,
      handler: async ({ actor, params, info }) => undoAllocation(db, actor, params.id, info),
    }),
    route({
      method: 'get',
      path: '/allocation/batches',
      tag: 'allocation',
      summary: 'The latest applied or undone allocation batches, newest first',
      access: 'viewer',
      response: allocationBatches,
      handler: async () => listBatches(db),
    }),
    route({
      method: 'get',
      path: '/allocation/settings',
      tag: 'allocation',
      summary: "The shop's allocation setting: whether held orders receive stock, and the channel priority list",
      access: 'viewer',
      response: allocationSettings,
      handler: async () => getAllocationSettings(db),
    }),
    route({
      method: 'put',
      path: '/allocation/settings',
      tag: 'allocation',
      summary: "Set the shop's allocation setting (admin)",
      access: 'admin',
      body: allocationSettings,
      response: allocationSettings,
      handler: async ({ actor, body, info }) => saveAllocationSettings(db, actor, info, body),
    }),
  ];
}
