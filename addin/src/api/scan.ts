// Scan-to-ship (송장 스캔 검수) as the pane calls it: open a box by its number, verify its scans (a complete box
// ships), set a partial box aside, and verify a sheet of scans.
import {
  scanBox,
  scanBoxBody,
  scanSheetBody,
  scanSheetResponse,
  setAsideBody,
  setAsideResponse,
  verifyBody,
  verifyResponse,
} from '../../../shared/api/scan.schema.ts';
import type { z } from 'zod';
import type { Api } from './client.ts';
import { request, type Endpoint } from './endpoint.ts';

export const scanEndpoints = {
  box: { method: 'POST', path: '/api/scan/box', body: scanBoxBody, response: scanBox },
  verify: { method: 'POST', path: '/api/scan/verify', body: verifyBody, response: verifyResponse },
  setAside: { method: 'POST', path: '/api/scan/set-aside', body: setAsideBody, response: setAsideResponse },
  sheet: { method: 'POST', path: '/api/scan/sheet', body: scanSheetBody, response: scanSheetResponse },
} as const satisfies Record<string, Endpoint>;

/** The box with this tracking number, what it should hold and its versions. */
export const openScanBox = (api: Api, body: z.input<typeof scanBoxBody>) => request(api, scanEndpoints.box, { body });

/** Verifies the scans: refused (wrong / extra item), short (what is missing) or shipped. */
export const verifyScanBox = (api: Api, body: z.input<typeof verifyBody>) => request(api, scanEndpoints.verify, { body });

/** Puts every order of a partial box on hold with the reason. */
export const setAsideScanBox = (api: Api, body: z.input<typeof setAsideBody>) => request(api, scanEndpoints.setAside, { body });

/** Verifies a sheet of scans (tracking number, barcode rows): a result per box and per row. */
export const verifyScanSheet = (api: Api, body: z.input<typeof scanSheetBody>) => request(api, scanEndpoints.sheet, { body });
