// The catalogue as the pane reads and writes it: SKUs (the 상품 sheet pulls pages of them and pushes rows),
// warehouses and stores, and the storefront queue.
import type { z } from 'zod';
import {
  skuCreateBody,
  skuImportBody,
  skuImportResponse,
  skuListQuery,
  skuPage,
  skuPatchBody,
  skuSheetBody,
  skuSheetResponse,
  skuView,
  storefrontChangePage,
  storefrontChangeQuery,
  warehouseCreateBody,
  warehouseList,
  warehousePatchBody,
  warehouseView,
} from '../../../shared/api/catalogue.schema.ts';
import type { Api } from './client.ts';
import { request, type Endpoint } from './endpoint.ts';

export const catalogueEndpoints = {
  skus: { method: 'GET', path: '/api/catalogue/skus', query: skuListQuery, response: skuPage },
  sku: { method: 'GET', path: '/api/catalogue/skus/:id', response: skuView },
  createSku: { method: 'POST', path: '/api/catalogue/skus', body: skuCreateBody, response: skuView },
  updateSku: { method: 'PATCH', path: '/api/catalogue/skus/:id', body: skuPatchBody, response: skuView },
  pushSheet: { method: 'POST', path: '/api/catalogue/skus/sheet', body: skuSheetBody, response: skuSheetResponse },
  importSkus: { method: 'POST', path: '/api/catalogue/skus/import', body: skuImportBody, response: skuImportResponse },
  warehouses: { method: 'GET', path: '/api/catalogue/warehouses', response: warehouseList },
  createWarehouse: { method: 'POST', path: '/api/catalogue/warehouses', body: warehouseCreateBody, response: warehouseView },
  updateWarehouse: { method: 'PATCH', path: '/api/catalogue/warehouses/:id', body: warehousePatchBody, response: warehouseView },
  storefrontChanges: { method: 'GET', path: '/api/catalogue/storefront-changes', query: storefrontChangeQuery, response: storefrontChangePage },
} as const satisfies Record<string, Endpoint>;

export const listSkus = (api: Api, query: z.input<typeof skuListQuery>) => request(api, catalogueEndpoints.skus, { query });
export const getSku = (api: Api, id: string) => request(api, catalogueEndpoints.sku, { params: { id } });
export const createSku = (api: Api, body: z.input<typeof skuCreateBody>) => request(api, catalogueEndpoints.createSku, { body });
export const updateSku = (api: Api, id: string, body: z.input<typeof skuPatchBody>) =>
  request(api, catalogueEndpoints.updateSku, { params: { id }, body });
/** Rows of the 상품 sheet: new ones (no id) and edits (id + version); one result per row, in order. */
export const pushSkuSheet = (api: Api, body: z.input<typeof skuSheetBody>) => request(api, catalogueEndpoints.pushSheet, { body });
/** SKUs from a file or the active sheet through a sku_import template; one result per sheet row. */
export const importSkus = (api: Api, body: z.input<typeof skuImportBody>) => request(api, catalogueEndpoints.importSkus, { body });
export const listWarehouses = (api: Api) => request(api, catalogueEndpoints.warehouses);
export const createWarehouse = (api: Api, body: z.input<typeof warehouseCreateBody>) => request(api, catalogueEndpoints.createWarehouse, { body });
export const updateWarehouse = (api: Api, id: string, body: z.input<typeof warehousePatchBody>) =>
  request(api, catalogueEndpoints.updateWarehouse, { params: { id }, body });
export const listStorefrontChanges = (api: Api, query: z.input<typeof storefrontChangeQuery>) =>
  request(api, catalogueEndpoints.storefrontChanges, { query });
