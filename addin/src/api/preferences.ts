// The signed-in user's own preferences as the pane reads and keeps them: their layout of a sheet.
import type { z } from 'zod';
import { sheetLayout, sheetLayoutView } from '../../../shared/api/preferences.schema.ts';
import type { Api } from './client.ts';
import { request, type Endpoint } from './endpoint.ts';

export const preferenceEndpoints = {
  sheetLayout: { method: 'GET', path: '/api/me/sheet-layouts/:sheet', response: sheetLayoutView },
  keepSheetLayout: { method: 'PUT', path: '/api/me/sheet-layouts/:sheet', body: sheetLayout, response: sheetLayoutView },
  resetSheetLayout: { method: 'DELETE', path: '/api/me/sheet-layouts/:sheet', response: 'empty' },
} as const satisfies Record<string, Endpoint>;

export const getSheetLayout = (api: Api, sheet: string) => request(api, preferenceEndpoints.sheetLayout, { params: { sheet } });

export const keepSheetLayout = (api: Api, sheet: string, body: z.input<typeof sheetLayout>) =>
  request(api, preferenceEndpoints.keepSheetLayout, { params: { sheet }, body });

export const resetSheetLayout = (api: Api, sheet: string) => request(api, preferenceEndpoints.resetSheetLayout, { params: { sheet } });
