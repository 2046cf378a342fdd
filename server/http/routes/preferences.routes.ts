// The signed-in user's own preferences: their layout of a sheet the pane writes (issue 13 §4). Any signed-in user
// (viewers pull sheets too); each reaches only their own.
import { sheetLayout, sheetLayoutView, sheetParam } from '../../../shared/api/preferences.schema.ts';
import type { AppDeps } from '../../deps.ts';
import * as preferences from '../../modules/preferences/preferences.service.ts';
import { route } from '../route.ts';

export function preferencesRoutes(deps: AppDeps) {
  return [
    route({
      method: 'get',
      path: '/me/sheet-layouts/:sheet',
      tag: 'preferences',
      summary: 'Your layout of a sheet (e.g. orders: the 주문 sheet): column order, widths, hidden and your own columns; null until you keep one',
      access: 'viewer',
      response: sheetLayoutView,
      params: sheetParam,
      handler: async ({ actor, params }) => preferences.getLayout(deps.db, actor, params.sheet),
    }),
    route({
      method: 'put',
      path: '/me/sheet-layouts/:sheet',
      tag: 'preferences',
      summary: 'Keep your layout of a sheet (replaces the one kept); re-pulls and fresh workbooks follow it',
      access: 'viewer',
      response: sheetLayoutView,
      params: sheetParam,
      body: sheetLayout,
      handler: async ({ actor, params, body }) => preferences.saveLayout(deps.db, actor, params.sheet, body),
    }),
    route({
      method: 'delete',
      path: '/me/sheet-layouts/:sheet',
      tag: 'preferences',
      summary: "Forget your layout of a sheet: the pane's default comes back at the next pull",
      access: 'viewer',
      response: 'empty',
      params: sheetParam,
      handler: async ({ actor, params }) => preferences.resetLayout(deps.db, actor, params.sheet),
    }),
  ];
}
