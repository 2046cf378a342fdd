// 송장 대역 and 자동 채번: admins register the bands couriers gave the shop; operators number the selected lines'
// boxes from them; viewers see what is left.
import { idParams } from '../../../shared/api/catalogue.schema.ts';
import {
  trackingBandBody,
  trackingBandList,
  trackingBandPatch,
  trackingBandView,
  trackingIssueBody,
  trackingIssueResult,
} from '../../../shared/api/tracking-bands.schema.ts';
import type { AppDeps } from '../../deps.ts';
import { withAutoSends } from '../../jobs/auto-send.ts';
import * as bands from '../../modules/tracking-bands/tracking-bands.service.ts';
import { route } from '../route.ts';

export function trackingBandRoutes(deps: AppDeps) {
  return [
    route({
      method: 'get',
      path: '/tracking-bands',
      tag: 'invoices',
      summary: "The couriers' bands of tracking numbers, newest first: each with its next number, numbers given and left",
      access: 'viewer',
      response: trackingBandList,
      handler: async () => bands.listBands(deps.db),
    }),
    route({
      method: 'post',
      path: '/tracking-bands',
      tag: 'invoices',
      summary:
        'Registers a band a courier gave the shop (송장 대역): its first and last numbers, both valid for the courier (length, mod-7 ' +
        'check digit where it has one: then the band steps by body and check digit), in order, overlapping none of its other bands ' +
        '(409 band_overlap). Audited (tracking_band_created)',
      access: 'admin',
      status: 201,
      body: trackingBandBody,
      response: trackingBandView,
      handler: async ({ actor, info, body }) => bands.createBand(deps.db, actor, info, body),
    }),
    route({
      method: 'patch',
      path: '/tracking-bands/:id',
      tag: 'invoices',
      summary: 'Switches a band on or off at the version given (409 stale_band when it moved). Audited (tracking_band_changed)',
      access: 'admin',
      params: idParams,
      body: trackingBandPatch,
      response: trackingBandView,
      handler: async ({ actor, info, params, body }) => bands.setBandActive(deps.db, actor, info, params.id, body),
    }),
    route({
      method: 'post',
      path: '/tracking-bands/issue',
      tag: 'invoices',
      summary:
        "Numbers the items' boxes from the courier's active bands (자동 채번), oldest band first, in one transaction: one number per " +
        'box (a merged box shares it) or per order for lines not yet in a box, through the same rules as a number typed into the ' +
        'sheet (READY → INVOICED). A refused item (held, sold-out, stale, already numbered: already_numbered) takes no number; ' +
        'numbers already on a box are skipped; band_exhausted once the bands run out. 409 no_band without a band with numbers left. ' +
        'Answers per item like POST /api/transitions, with the numbers given and what is left',
      access: 'operator',
      body: trackingIssueBody,
      response: trackingIssueResult,
      handler: async ({ actor, info, body }) => withAutoSends(deps.runner, actor, await bands.issueNumbers(deps.db, actor, info, body)),
    }),
  ];
}
