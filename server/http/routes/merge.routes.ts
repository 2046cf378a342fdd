// Merge-packing (합포장): preview which orders would share a box, apply the groups kept (one batch), undo a batch;
// and the shop setting that merges by itself at release.
import {
  autoMergeSetting,
  mergeApplyBody,
  mergeApplyResult,
  mergeBatchList,
  mergeBatchParams,
  mergePreview,
  mergePreviewQuery,
  mergeUndoResult,
} from '../../../shared/api/merge.schema.ts';
import type { AppDeps } from '../../deps.ts';
import { AUTO_MERGE_KEY, applyMerge, listBatches, previewMerge, undoMerge } from '../../modules/merge/merge.service.ts';
import { getFlag, saveFlag } from '../../modules/settings/settings.service.ts';
import { route } from '../route.ts';

export function mergeRoutes(deps: AppDeps) {
  const preview = (method: 'get' | 'post') =>
    route({
      method,
      path: '/merge/preview',
      tag: 'merge',
      summary:
        'Merge preview (합포 미리보기): released lines without a number that may merge (not held, merge-locked, claimed, unmatched or sold out), ' +
        'as merge groups (equal name, address and phones: one box each) and review groups (same name and address, phones differ or ' +
        'cannot be compared: the operator accepts or rejects), with each order’s version; one line per line in a group. Recipients ' +
        'are masked for viewers. Review groups rejected before, for the same orders, are not offered again',
      access: 'viewer',
      response: mergePreview,
      query: mergePreviewQuery,
      personalData: { rows: (r: { lines: unknown[] }) => r.lines.length, filter: () => ({}) },
      handler: async ({ actor, query }) => previewMerge(deps.db, actor, query),
    });
  return [
    preview('get'),
    preview('post'),
    route({
      method: 'post',
      path: '/merge/apply',
      tag: 'merge',
      summary:
        'Apply a merge: each group’s mergeable lines go into one box (a box the lines already have of their own is kept; boxes left ' +
        'empty are removed), one batch in the history; rejected review groups are remembered. All or nothing: 409 naming the order ' +
        'when one changed since the preview (its version) or may no longer merge',
      access: 'operator',
      body: mergeApplyBody,
      response: mergeApplyResult,
      handler: async ({ actor, info, body }) => applyMerge(deps.db, actor, body, info),
    }),
    route({
      method: 'get',
      path: '/merge/batches',
      tag: 'merge',
      summary: 'Merge batches, newest first (the last 20): manual or automatic, how many groups and lines, and whether undone',
      access: 'viewer',
      response: mergeBatchList,
      handler: async () => ({ items: await listBatches(deps.db) }),
    }),
    route({
      method: 'post',
      path: '/merge/batches/:id/undo',
      tag: 'merge',
      summary:
        'Undo a merge batch: every line back to the box it was in before (or none), boxes the merge made removed. 409 naming the ' +
        'orders while anything after depends on it (a number entered, shipped, moved since)',
      access: 'operator',
      params: mergeBatchParams,
      response: mergeUndoResult,
      handler: async ({ actor, info, params }) => undoMerge(deps.db, actor, params.id, info),
    }),
    route({
      method: 'get',
      path: '/settings/auto-merge',
      tag: 'settings',
      summary: 'Whether released orders merge by themselves (merge groups only, never review groups); off until set',
      access: 'viewer',
      response: autoMergeSetting,
      handler: async () => ({ enabled: await getFlag(deps.db, AUTO_MERGE_KEY) }),
    }),
    route({
      method: 'put',
      path: '/settings/auto-merge',
      tag: 'settings',
      summary: 'Turn the automatic merge at release on or off (recorded in the audit log)',
      access: 'admin',
      body: autoMergeSetting,
      response: autoMergeSetting,
      handler: async ({ actor, info, body }) => ({ enabled: await saveFlag(deps.db, actor, info, AUTO_MERGE_KEY, body.enabled) }),
    }),
  ];
}
