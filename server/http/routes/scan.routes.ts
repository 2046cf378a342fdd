// Scan-to-ship (송장 스캔 검수): a tracking number opens its box with the SKUs it should hold; scanned barcodes are
// verified against them and a complete, correct box ships; a partial box is set aside (held, with the reason); and
// the same from a sheet of scans.
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
import type { AppDeps } from '../../deps.ts';
import { withAutoSends } from '../../jobs/auto-send.ts';
import { scanSheet } from '../../modules/scan/scan-sheet.service.ts';
import { openBox, setAsideBox, verifyBox } from '../../modules/scan/scan.service.ts';
import { route } from '../route.ts';

export function scanRoutes(deps: AppDeps) {
  return [
    route({
      method: 'post',
      path: '/scan/box',
      tag: 'scan',
      summary:
        "Opens a box by its scanned tracking number: its lines, the SKUs it should hold (each line's SKUs × its quantity, summed) " +
        'with their barcodes, the versions to verify against, and whether it can be verified (every line matched, INVOICED, not on hold)',
      access: 'operator',
      body: scanBoxBody,
      response: scanBox,
      handler: async ({ body }) => openBox(deps.db, body.tracking_number),
    }),
    route({
      method: 'post',
      path: '/scan/verify',
      tag: 'scan',
      summary:
        'Verifies scanned barcodes (or SKU codes) against the box. A wrong or extra item refuses with the reason and writes nothing; ' +
        "a short box answers what is missing; a complete, correct box ships (INVOICED → SHIPPED, history '스캔 검수'). 409 when the " +
        'box changed since it was opened',
      access: 'operator',
      body: verifyBody,
      response: verifyResponse,
      handler: async ({ actor, body }) => withAutoSends(deps.runner, actor, await verifyBox(deps.db, actor, body)),
    }),
    route({
      method: 'post',
      path: '/scan/set-aside',
      tag: 'scan',
      summary:
        'Sets a partial box aside: every order in it goes on hold (출고보류) with the reason, until released. 409 when the box changed since it was opened',
      access: 'operator',
      body: setAsideBody,
      response: setAsideResponse,
      handler: async ({ actor, body }) => setAsideBox(deps.db, actor, body),
    }),
    route({
      method: 'post',
      path: '/scan/sheet',
      tag: 'scan',
      summary:
        'Scan-to-ship from a sheet: rows of tracking number and barcode as a scanner writes them (a blank number carries the row ' +
        "above's); each box is verified on its own and ships when complete; a result per box and per row",
      access: 'operator',
      body: scanSheetBody,
      response: scanSheetResponse,
      handler: async ({ actor, body }) => withAutoSends(deps.runner, actor, await scanSheet(deps.db, actor, body)),
    }),
  ];
}
