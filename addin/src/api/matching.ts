// Product matching as the pane reads and saves it: the unmatched products (매칭 sheet pull), remembered matches, and
// saving or removing matches.
import type { z } from 'zod';
import {
  matchesPage,
  matchesQuery,
  removeMatchResponse,
  saveMatchesBody,
  saveMatchesResponse,
  unmatchedList,
  unmatchedQuery,
} from '../../../shared/api/matching.schema.ts';
import type { Api } from './client.ts';
import { request, type Endpoint } from './endpoint.ts';

export const matchingEndpoints = {
  unmatched: { method: 'GET', path: '/api/matching/unmatched', query: unmatchedQuery, response: unmatchedList },
  matches: { method: 'GET', path: '/api/matching/matches', query: matchesQuery, response: matchesPage },
  save: { method: 'POST', path: '/api/matching/matches', body: saveMatchesBody, response: saveMatchesResponse },
  remove: { method: 'DELETE', path: '/api/matching/matches/:id', response: removeMatchResponse },
} as const satisfies Record<string, Endpoint>;

/** Unmatched waiting lines grouped by product + option, with suggestions. */
export const listUnmatched = (api: Api, query: z.input<typeof unmatchedQuery> = {}) => request(api, matchingEndpoints.unmatched, { query });

export const listMatches = (api: Api, query: z.input<typeof matchesQuery> = {}) => request(api, matchingEndpoints.matches, { query });

/** Saves matches; each is applied at once to every waiting line of its product + option. */
export const saveMatches = (api: Api, body: z.input<typeof saveMatchesBody>) => request(api, matchingEndpoints.save, { body });

export const removeMatch = (api: Api, id: string) => request(api, matchingEndpoints.remove, { params: { id } });
