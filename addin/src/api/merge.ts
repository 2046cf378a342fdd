// Merge-packing (합포장) as the pane calls it: the preview, the apply of the groups kept, the batches and their undo.
import { z } from 'zod';
import {
  mergeApplyBody,
  mergeApplyResult,
  mergeBatchList,
  mergePreview,
  mergePreviewQuery,
  mergeUndoResult,
} from '../../../shared/api/merge.schema.ts';
import type { Api } from './client.ts';
import { request, type Endpoint } from './endpoint.ts';

export const mergeEndpoints = {
  preview: { method: 'POST', path: '/api/merge/preview', query: mergePreviewQuery, response: mergePreview },
  apply: { method: 'POST', path: '/api/merge/apply', body: mergeApplyBody, response: mergeApplyResult },
  batches: { method: 'GET', path: '/api/merge/batches', response: mergeBatchList },
  undo: { method: 'POST', path: '/api/merge/batches/:id/undo', response: mergeUndoResult },
} as const satisfies Record<string, Endpoint>;

/** The preview, with why when it shows recipients (more than a screenful needs it: the session's reason). */
export const previewMerge = (api: Api, why: z.input<typeof mergePreviewQuery>) => request(api, mergeEndpoints.preview, { query: why });
export const applyMerge = (api: Api, body: z.input<typeof mergeApplyBody>) => request(api, mergeEndpoints.apply, { body });
export const listMergeBatches = (api: Api) => request(api, mergeEndpoints.batches);
export const undoMergeBatch = (api: Api, id: string) => request(api, mergeEndpoints.undo, { params: { id } });
