// The order sheet's calls: pushing changed rows, reading rows again by line id, and which box each line is in.
import type { z } from 'zod';
import { sheetBoxesResponse, sheetLinesBody, sheetLinesResponse, sheetPushBody, sheetPushResponse } from '../../../shared/api/sheet.schema.ts';
import type { Api } from './client.ts';
import { request, type Endpoint } from './endpoint.ts';

export const sheetEndpoints = {
  push: { method: 'POST', path: '/api/sheet/push', body: sheetPushBody, response: sheetPushResponse },
  lines: { method: 'POST', path: '/api/sheet/lines', body: sheetLinesBody, response: sheetLinesResponse },
  boxes: { method: 'POST', path: '/api/sheet/boxes', body: sheetLinesBody, response: sheetBoxesResponse },
} as const satisfies Record<string, Endpoint>;

export const pushSheet = (api: Api, body: z.input<typeof sheetPushBody>) => request(api, sheetEndpoints.push, { body });

/** Lines-view rows of the given line ids (unknown ids are left out). */
export const sheetLines = (api: Api, body: z.input<typeof sheetLinesBody>) => request(api, sheetEndpoints.lines, { body });

/** The order and box of each given line (box null: in none yet). */
export const sheetBoxes = (api: Api, body: z.input<typeof sheetLinesBody>) => request(api, sheetEndpoints.boxes, { body });
