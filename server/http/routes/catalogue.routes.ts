// The catalogue: SKUs (one at a time, or as rows of the 상품 sheet), warehouses and stores, and the queue of SKU
// status changes for the malls' storefronts. Viewers read; operators and admins write, and every write records who.
import {
  idParams,
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
import type { AppDeps } from '../../deps.ts';
import { importSkus } from '../../modules/catalogue/sku-import.service.ts';
import { pushSkuSheet } from '../../modules/catalogue/sku-sheet.service.ts';
import * as skus from '../../modules/catalogue/skus.service.ts';
import { listStorefrontChanges } from '../../modules/catalogue/storefront.service.ts';
import * as warehouses from '../../modules/catalogue/warehouses.service.ts';
import { route } from '../route.ts';

export function catalogueRoutes(deps: AppDeps) {
  return [
    route({
      method: 'get',
      path: '/catalogue/skus',
      tag: 'catalogue',
      summary: 'SKUs in code order: q finds part of a code or name (any case) or a whole barcode; status filters; paged by code',
      access: 'viewer',
      query: skuListQuery,
      response: skuPage,
      handler: async ({ query }) => skus.listSkus(deps.db, query),
    }),
    route({
      method: 'get',
      path: '/catalogue/skus/:id',
      tag: 'catalogue',
      summary: 'One SKU with its barcodes',
      access: 'viewer',
      params: idParams,
      response: skuView,
      handler: async ({ params }) => skus.getSku(deps.db, params.id),
    }),
    route({
      method: 'post',
      path: '/catalogue/skus',
      tag: 'catalogue',
      summary:
        'Add a SKU. Codes and barcodes are unique (409 duplicate_code / duplicate_barcode naming the field); 단종 and 재입고 예정 need ' +
        'status_date, 한정 needs limit_quantity. Recorded in the audit log (sku_created)',
      access: 'operator',
      status: 201,
      body: skuCreateBody,
      response: skuView,
      handler: async ({ actor, info, body }) => skus.createSku(deps.db, actor, info, body),
    }),
    route({
      method: 'patch',
      path: '/catalogue/skus/:id',
      tag: 'catalogue',
      summary:
        'Edit a SKU at the version the caller saw (409 stale_version if it moved); barcodes, when sent, replace the list. A change of ' +
        'status to or from 강제품절 / 한정 queues a storefront change per matched mall product. Audit log: sku_updated, before → after',
      access: 'operator',
      params: idParams,
      body: skuPatchBody,
      response: skuView,
      handler: async ({ actor, info, params, body }) => skus.updateSku(deps.db, actor, info, params.id, body),
    }),
    route({
      method: 'post',
      path: '/catalogue/skus/sheet',
      tag: 'catalogue',
      summary:
        'Apply rows of the 상품 sheet (or a SKU file): each a new SKU (no id) or an edit (id + version), whole or not at all; a refused ' +
        'row never blocks the others. One result per row, in order, with the saved SKU on applied rows',
      access: 'operator',
      body: skuSheetBody,
      response: skuSheetResponse,
      handler: async ({ actor, info, body }) => pushSkuSheet(deps.db, actor, info, body),
    }),
    route({
      method: 'post',
      path: '/catalogue/skus/import',
      tag: 'catalogue',
      summary:
        'Load SKUs from a file or the active sheet through a sku_import template (built-in sku_default: the 상품 sheet headers). A row ' +
        "whose code is a SKU's edits it (the file's columns only), others add SKUs; each row whole or not at all, one result per sheet row",
      access: 'operator',
      body: skuImportBody,
      response: skuImportResponse,
      handler: async ({ actor, info, body }) => importSkus(deps.db, actor, info, body),
    }),
    route({
      method: 'get',
      path: '/catalogue/warehouses',
      tag: 'catalogue',
      summary: 'Warehouses and stores, the default first',
      access: 'viewer',
      response: warehouseList,
      handler: async () => warehouses.listWarehouses(deps.db),
    }),
    route({
      method: 'post',
      path: '/catalogue/warehouses',
      tag: 'catalogue',
      summary: 'Add a warehouse or store (kind store); is_default makes it the default in the same change',
      access: 'operator',
      status: 201,
      body: warehouseCreateBody,
      response: warehouseView,
      handler: async ({ actor, info, body }) => warehouses.createWarehouse(deps.db, actor, info, body),
    }),
    route({
      method: 'patch',
      path: '/catalogue/warehouses/:id',
      tag: 'catalogue',
      summary:
        'Edit a warehouse at its version. is_default true switches the default; the default cannot be unset or deactivated, and a ' +
        'warehouse holding stock cannot be deactivated (409 warehouse_has_stock)',
      access: 'operator',
      params: idParams,
      body: warehousePatchBody,
      response: warehouseView,
      handler: async ({ actor, info, params, body }) => warehouses.updateWarehouse(deps.db, actor, info, params.id, body),
    }),
    route({
      method: 'get',
      path: '/catalogue/storefront-changes',
      tag: 'catalogue',
      summary:
        'SKU status changes queued per mall product, newest first. No connector changes product status at a mall yet: entries are ' +
        'recorded as no_connector, with the reason in detail; a newer change of the same product supersedes unsent ones',
      access: 'viewer',
      query: storefrontChangeQuery,
      response: storefrontChangePage,
      handler: async ({ query }) => listStorefrontChanges(deps.db, query),
    }),
  ];
}
