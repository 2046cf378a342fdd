// Product matching (매칭): unmatched waiting lines grouped by product + option with suggestions, the remembered
// matches, saving matches (applied at once to every waiting line of the product + option) and removing one.
// Viewers read; operators and admins write. The answers name products and SKUs, never buyers.
import { z } from 'zod';
import {
  matchesPage,
  matchesQuery,
  removeMatchResponse,
  saveMatchesBody,
  saveMatchesResponse,
  unmatchedList,
  unmatchedQuery,
} from '../../../shared/api/matching.schema.ts';
import type { AppDeps } from '../../deps.ts';
import * as matching from '../../modules/matching/matching.service.ts';
import { route } from '../route.ts';

const idParam = z.object({ id: z.string().min(1).max(40) });

export function matchingRoutes(deps: AppDeps) {
  return [
    route({
      method: 'get',
      path: '/matching/unmatched',
      tag: 'matching',
      summary:
        'Unmatched waiting lines (결제완료, 신규주문, 출고지시) grouped by channel + product + option, most lines first, with the mall product name and ' +
        'option and up to 3 suggested SKUs (same code or barcode, else the closest names; never applied by themselves). Empty while the shop has no SKU',
      access: 'viewer',
      response: unmatchedList,
      query: unmatchedQuery,
      handler: async ({ query }) => matching.listUnmatched(deps.db, query),
    }),
    route({
      method: 'get',
      path: '/matching/matches',
      tag: 'matching',
      summary: 'Remembered matches with their SKUs and quantities, oldest first (cursor); q searches product, option, product key and SKU codes',
      access: 'viewer',
      response: matchesPage,
      query: matchesQuery,
      handler: async ({ query }) => matching.listMatches(deps.db, query),
    }),
    route({
      method: 'post',
      path: '/matching/matches',
      tag: 'matching',
      summary:
        'Save matches (one or many): a channel + product + option → SKU codes with quantities (a set; 1+1 is one SKU × 2). Each is remembered for ' +
        'the next collect, upload and direct order, and applied now to every waiting line of the product + option. Replacing a match needs its ' +
        'version; its waiting lines are unmatched first. One result per row',
      access: 'operator',
      response: saveMatchesResponse,
      body: saveMatchesBody,
      handler: async ({ actor, body }) => matching.saveMatches(deps.db, actor, body),
    }),
    route({
      method: 'delete',
      path: '/matching/matches/:id',
      tag: 'matching',
      summary: 'Remove a match: its waiting lines go back to unmatched; lines already packed or shipped keep the SKUs they were matched to',
      access: 'operator',
      response: removeMatchResponse,
      params: idParam,
      handler: async ({ actor, params }) => matching.removeMatch(deps.db, actor, params.id),
    }),
  ];
}
