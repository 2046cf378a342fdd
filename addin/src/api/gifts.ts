// Gifts (사은품) as the pane calls them: rules, and the preview → apply → undo of gift lines.
import type { z } from 'zod';
import {
  giftApplyBody,
  giftApplyResponse,
  giftBatchList,
  giftBatchQuery,
  giftPreviewBody,
  giftPreviewResponse,
  giftRuleBody,
  giftRuleDeleteQuery,
  giftRuleList,
  giftRulePatchBody,
  giftRuleView,
  giftUndoResponse,
} from '../../../shared/api/gifts.schema.ts';
import type { Api } from './client.ts';
import { request, type Endpoint } from './endpoint.ts';

export const giftEndpoints = {
  rules: { method: 'GET', path: '/api/gifts/rules', response: giftRuleList },
  createRule: { method: 'POST', path: '/api/gifts/rules', body: giftRuleBody, response: giftRuleView },
  updateRule: { method: 'PATCH', path: '/api/gifts/rules/:id', body: giftRulePatchBody, response: giftRuleView },
  deleteRule: { method: 'DELETE', path: '/api/gifts/rules/:id', query: giftRuleDeleteQuery, response: 'empty' },
  preview: { method: 'POST', path: '/api/gifts/preview', body: giftPreviewBody, response: giftPreviewResponse },
  apply: { method: 'POST', path: '/api/gifts/apply', body: giftApplyBody, response: giftApplyResponse },
  batches: { method: 'GET', path: '/api/gifts/batches', query: giftBatchQuery, response: giftBatchList },
  undo: { method: 'POST', path: '/api/gifts/batches/:id/undo', response: giftUndoResponse },
} as const satisfies Record<string, Endpoint>;

export const listGiftRules = (api: Api) => request(api, giftEndpoints.rules, {});
export const createGiftRule = (api: Api, body: z.input<typeof giftRuleBody>) => request(api, giftEndpoints.createRule, { body });
export const updateGiftRule = (api: Api, id: string, body: z.input<typeof giftRulePatchBody>) =>
  request(api, giftEndpoints.updateRule, { params: { id }, body });
export const deleteGiftRule = (api: Api, id: string, version: number) =>
  request(api, giftEndpoints.deleteRule, { params: { id }, query: { version } });
/** Which orders would get which gifts now (the orders and rules named, or all). */
export const previewGifts = (api: Api, body: z.input<typeof giftPreviewBody> = {}) => request(api, giftEndpoints.preview, { body });
/** Adds the previewed gift lines in one batch; refused (409) when an order moved since the preview. */
export const applyGifts = (api: Api, body: z.input<typeof giftApplyBody>) => request(api, giftEndpoints.apply, { body });
export const listGiftBatches = (api: Api, query: z.input<typeof giftBatchQuery> = {}) => request(api, giftEndpoints.batches, { query });
export const undoGiftBatch = (api: Api, id: string) => request(api, giftEndpoints.undo, { params: { id } });
