// Stock allocation (재고할당) as the pane calls it: preview a policy, apply that preview, list the batches and undo one.
import type { z } from 'zod';
import {
  allocationApplied,
  allocationApplyBody,
  allocationBatches,
  allocationPreview,
  allocationPreviewBody,
  allocationSettings,
  allocationUndone,
  type AllocationSettings,
} from '../../../shared/api/allocation.schema.ts';
import type { Api } from './client.ts';
import { request, type Endpoint } from './endpoint.ts';

export const allocationEndpoints = {
  preview: { method: 'POST', path: '/api/allocation/preview', body: allocationPreviewBody, response: allocationPreview },
  apply: { method: 'POST', path: '/api/allocation/apply', body: allocationApplyBody, response: allocationApplied },
  batches: { method: 'GET', path: '/api/allocation/batches', response: allocationBatches },
  undo: { method: 'POST', path: '/api/allocation/batches/:id/undo', response: allocationUndone },
  settings: { method: 'GET', path: '/api/allocation/settings', response: allocationSettings },
  saveSettings: { method: 'PUT', path: '/api/allocation/settings', body: allocationSettings, response: allocationSettings },
} as const satisfies Record<string, Endpoint>;

/** The plan for a policy and order rule, kept on the server as a batch: one row per line × SKU, and the counts. */
export const previewAllocation = (api: Api, body: z.input<typeof allocationPreviewBody>) => request(api, allocationEndpoints.preview, { body });

/** Carries out a preview's plan; 409 naming the orders or stock rows that moved since. */
export const applyAllocation = (api: Api, batchId: string) => request(api, allocationEndpoints.apply, { body: { batch_id: batchId } });

/** The latest batches, newest first. */
export const listAllocationBatches = (api: Api) => request(api, allocationEndpoints.batches);

/** Takes an applied batch back; 409 while a later batch stands or its lines changed since. */
export const undoAllocation = (api: Api, batchId: string) => request(api, allocationEndpoints.undo, { params: { id: batchId } });

/** The shop's allocation setting: whether held orders receive stock, and the channel priority list. */
export const allocationSettingsOf = (api: Api) => request(api, allocationEndpoints.settings);

/** Sets it (admins). */
export const saveAllocationSettings = (api: Api, body: AllocationSettings) => request(api, allocationEndpoints.saveSettings, { body });
