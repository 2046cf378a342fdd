// The status board and the mall mismatches behind its last count, as the pane reads them.
import { boardResponse } from '../../../shared/api/board.schema.ts';
import { mismatchesResponse } from '../../../shared/api/mall-accounts.schema.ts';
import type { Api } from './client.ts';
import { request, type Endpoint } from './endpoint.ts';

export const boardEndpoints = {
  board: { method: 'GET', path: '/api/board', response: boardResponse },
  mismatches: { method: 'GET', path: '/api/mall-accounts/:id/mismatches', response: mismatchesResponse },
} as const satisfies Record<string, Endpoint>;

export const getBoard = (api: Api) => request(api, boardEndpoints.board);

/** One account's lines that disagree with the mall, and the mall changes syncs could not apply yet. */
export const mallMismatches = (api: Api, id: string) => request(api, boardEndpoints.mismatches, { params: { id } });
