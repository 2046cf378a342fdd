// 송장 대역 and 자동 채번 as the pane calls them: the couriers' bands, registering and switching one (admins), and
// numbering the selected rows' boxes from them.
import type { z } from 'zod';
import {
  trackingBandBody,
  trackingBandList,
  trackingBandPatch,
  trackingBandView,
  trackingIssueBody,
  trackingIssueResult,
} from '../../../shared/api/tracking-bands.schema.ts';
import type { Api } from './client.ts';
import { request, type Endpoint } from './endpoint.ts';

export const trackingBandEndpoints = {
  list: { method: 'GET', path: '/api/tracking-bands', response: trackingBandList },
  create: { method: 'POST', path: '/api/tracking-bands', body: trackingBandBody, response: trackingBandView },
  patch: { method: 'PATCH', path: '/api/tracking-bands/:id', body: trackingBandPatch, response: trackingBandView },
  issue: { method: 'POST', path: '/api/tracking-bands/issue', body: trackingIssueBody, response: trackingIssueResult },
} as const satisfies Record<string, Endpoint>;

export const listBands = (api: Api) => request(api, trackingBandEndpoints.list);

export const createBand = (api: Api, body: z.input<typeof trackingBandBody>) => request(api, trackingBandEndpoints.create, { body });

export const setBandActive = (api: Api, id: string, body: z.input<typeof trackingBandPatch>) =>
  request(api, trackingBandEndpoints.patch, { params: { id }, body });

/** Numbers the items' boxes from the courier's bands: one result per item, the numbers given and what is left. */
export const issueNumbers = (api: Api, body: z.input<typeof trackingIssueBody>) => request(api, trackingBandEndpoints.issue, { body });
