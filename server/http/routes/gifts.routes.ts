// Gifts (사은품): rules, and adding gift lines to orders as preview → apply → undo. Viewers read; operators write.
import { idParams } from '../../../shared/api/catalogue.schema.ts';
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
import type { AppDeps } from '../../deps.ts';
import * as rules from '../../modules/gifts/gift-rules.service.ts';
import { applyGifts, listGiftBatches, previewGifts, undoGiftBatch } from '../../modules/gifts/gifts.service.ts';
import { route } from '../route.ts';

export function giftsRoutes(deps: AppDeps) {
  return [
    route({
      method: 'get',
      path: '/gifts/rules',
      tag: 'gifts',
      summary: 'Gift rules, oldest first, with their conditions (SKUs by code) and gift',
      access: 'viewer',
      response: giftRuleList,
      handler: async () => rules.listRules(deps.db),
    }),
    route({
      method: 'post',
      path: '/gifts/rules',
      tag: 'gifts',
      summary:
        'A gift rule: conditions (mall accounts, channel names, SKU codes bought — any of each —, order amount threshold on the paid ' +
        'or order amount with or without shipping, minimum quantity, KST period), all of which must hold; the gift SKU code, its ' +
        'quantity and whether it takes stock. Unknown SKU codes are refused by field. Audited (gift_rule_created)',
      access: 'operator',
      status: 201,
      body: giftRuleBody,
      response: giftRuleView,
      handler: async ({ actor, info, body }) => rules.createRule(deps.db, actor, info, body),
    }),
    route({
      method: 'patch',
      path: '/gifts/rules/:id',
      tag: 'gifts',
      summary: 'Changes a gift rule at the version given (409 stale_version when it moved). Audited (gift_rule_updated)',
      access: 'operator',
      params: idParams,
      body: giftRulePatchBody,
      response: giftRuleView,
      handler: async ({ actor, info, params, body }) => rules.updateRule(deps.db, actor, info, params.id, body),
    }),
    route({
      method: 'delete',
      path: '/gifts/rules/:id',
      tag: 'gifts',
      summary: 'Deletes a gift rule at the version given; 409 rule_in_use once it has added gift lines (set it inactive instead)',
      access: 'operator',
      params: idParams,
      query: giftRuleDeleteQuery,
      response: 'empty',
      handler: async ({ actor, info, params, query }) => rules.deleteRule(deps.db, actor, info, params.id, query.version),
    }),
    route({
      method: 'post',
      path: '/gifts/preview',
      tag: 'gifts',
      summary:
        'Which orders (every line NEW or READY, matched, not on hold; the ones named or all) would get which gifts from the active ' +
        'rules (those named or all): per order its version and the gift lines to add. A rule gives an order its gift once. Changes nothing',
      access: 'viewer',
      body: giftPreviewBody,
      response: giftPreviewResponse,
      handler: async ({ body }) => previewGifts(deps.db, body),
    }),
    route({
      method: 'post',
      path: '/gifts/apply',
      tag: 'gifts',
      summary:
        "Adds the preview's gift lines in one transaction and one batch: 409 order_moved (naming the orders) when an order's version " +
        'moved since the preview, 409 rule_no_longer_holds when a rule no longer holds. Each gift line: the SKU, unit price 0, ' +
        'history row gift_add. Audited (gifts_applied)',
      access: 'operator',
      body: giftApplyBody,
      response: giftApplyResponse,
      handler: async ({ actor, info, body }) => applyGifts(deps.db, actor, info, body),
    }),
    route({
      method: 'get',
      path: '/gifts/batches',
      tag: 'gifts',
      summary: 'The latest gift applies, newest first, and whether each was undone',
      access: 'viewer',
      query: giftBatchQuery,
      response: giftBatchList,
      handler: async ({ query }) => listGiftBatches(deps.db, query.limit),
    }),
    route({
      method: 'post',
      path: '/gifts/batches/:id/undo',
      tag: 'gifts',
      summary:
        'Removes the gift lines a batch added, in one transaction, under a new batch (history rows gift_remove); 409 undo_blocked ' +
        '(naming the orders) when an order changed after the apply, batch_undone when undone already. Audited (gifts_undone)',
      access: 'operator',
      params: idParams,
      response: giftUndoResponse,
      handler: async ({ actor, info, params }) => undoGiftBatch(deps.db, actor, info, params.id),
    }),
  ];
}
