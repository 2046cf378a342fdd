// The sheets the pane makes and fills itself: never a courier's result or a wholesaler's order file, so the 파일
// tab refuses to import one (useFileImport.ts) instead of guessing a template for it.
import { ALLOCATE_SHEET } from '../allocate/allocate-sheet.ts';
import { SKU_SHEET } from '../catalogue/sku-sheet.ts';
import { CS_SHEETS } from '../cs/cs-sheet.ts';
import { DIRECT_SHEET } from '../direct/direct-sheet.ts';
import { GIFT_SHEET } from '../gifts/gift-sheet.ts';
import { FAILURES_SHEET } from '../jobs/failure-sheet.ts';
import { MATCHING_SHEET } from '../matching/matching-sheet.ts';
import { MERGE_SHEET } from '../merge/merge-sheet.ts';
import { ORDER_SHEET } from '../orders/order-sheet.ts';
import { SALES_SHEET } from '../sales/sales-sheet.ts';
import { STOCK_SHEET } from '../stock/stock-sheet.ts';

const OWN = new Set<string>([
  ORDER_SHEET,
  MERGE_SHEET,
  ALLOCATE_SHEET,
  GIFT_SHEET,
  MATCHING_SHEET,
  SKU_SHEET,
  STOCK_SHEET,
  SALES_SHEET,
  DIRECT_SHEET,
  FAILURES_SHEET,
  ...Object.values(CS_SHEETS).flatMap((n) => [n.ko, n.en]),
]);

/** Whether the pane made this sheet (its hidden ones start with _shipsheet). */
export const isOwnSheet = (name: string): boolean => OWN.has(name) || name.startsWith('_shipsheet');
