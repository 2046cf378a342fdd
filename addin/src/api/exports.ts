// Files of personal data as the pane downloads them: an order list or a courier booking file, each with a reason
// (the answer is the file itself, named by the server).
import type { z } from 'zod';
import { bookingExportBody, labelsExportBody, orderLinesExportBody } from '../../../shared/api/exports.schema.ts';
import type { Api } from './client.ts';
import { request, type Endpoint } from './endpoint.ts';

export const exportEndpoints = {
  orderLines: { method: 'POST', path: '/api/exports/order-lines', body: orderLinesExportBody, response: 'file' },
  booking: { method: 'POST', path: '/api/exports/booking', body: bookingExportBody, response: 'file' },
  labels: { method: 'POST', path: '/api/exports/labels', body: labelsExportBody, response: 'file' },
} as const satisfies Record<string, Endpoint>;

/** The lines view (with the orders pane's filters) as an XLSX or CSV file. */
export const exportOrderLines = (api: Api, body: z.input<typeof orderLinesExportBody>) => request(api, exportEndpoints.orderLines, { body });

/** A courier's bulk booking file. */
export const exportBooking = (api: Api, body: z.input<typeof bookingExportBody>) => request(api, exportEndpoints.booking, { body });

/** 송장 출력: waybill labels of numbered boxes, one HTML file to print. */
export const exportLabels = (api: Api, body: z.input<typeof labelsExportBody>) => request(api, exportEndpoints.labels, { body });
