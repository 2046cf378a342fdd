// 발송처리 (mall-apis.md §2.4): ≤ 30 dispatchProductOrders per call, each checked on its own and answered in
// successProductOrderIds / failProductOrderInfos with the pay-order codes of §2.8.
import { Router, type Request, type Response } from 'express';
import { normalizeAddress, normalizeName, normalizeZip } from '../../../shared/address.ts';
import { sendData, sendError } from './envelope.ts';
import { liveClaim, type NaverStore, type ProductOrderRecord } from './store.ts';

const MAX_DISPATCH = 30;

/** The codes of §2.7 the sandbox knows; Naver's full enum has ~200, none of them LOTTE or LOGEN. */
const COURIER_CODES = new Set([
  'CJGLS',
  'HYUNDAI',
  'HANJIN',
  'KGB',
  'EPOST',
  'KDEXP',
  'DAESIN',
  'ILYANG',
  'CHUNIL',
  'HDEXP',
  'KUNYOUNG',
  'NONGHYUP',
  'CVSNET',
  'CUPARCEL',
  'REGISTPOST',
  'HONAM',
  'EMS',
  'DHL',
  'FEDEX',
  'UPS',
  'CH1',
]);
const METHODS = new Set(['DELIVERY', 'GDFW_ISSUE_SVC', 'VISIT_RECEIPT', 'DIRECT_DELIVERY', 'QUICK_SVC', 'NOTHING']);
/** Methods that travel with a courier and a waybill number. */
const TRACKED = new Set(['DELIVERY', 'GDFW_ISSUE_SVC']);

// The same place however it is spelt ("서울특별시 강남구" = "서울 강남구", spacing): a courier delivers to the place,
// and a mall comparing raw text would refuse a merged box whose orders were typed differently.
const recipientKey = (po: ProductOrderRecord) => {
  const a = po.shippingAddress;
  return [normalizeName(a.name), normalizeZip(a.zipCode) ?? '', normalizeAddress(a.baseAddress), normalizeAddress(a.detailedAddress)].join('|');
};

type Failure = { code: string; message: string };

function check(store: NaverStore, item: Record<string, unknown>, po: ProductOrderRecord | undefined): Failure | null {
  if (!po) return { code: '100001', message: '상품주문을 찾을 수 없습니다.' };
  if (po.productOrderStatus !== 'PAYED' || liveClaim(po)) return { code: '104442', message: '발송처리할 수 없는 주문상태입니다.' };
  const method = item.deliveryMethod;
  if (typeof method !== 'string' || !METHODS.has(method)) return { code: '4000', message: 'deliveryMethod가 올바르지 않습니다.' };
  if (typeof item.dispatchDate !== 'string' || Number.isNaN(Date.parse(item.dispatchDate)))
    return { code: '4000', message: 'dispatchDate가 올바르지 않습니다.' };
  if (!TRACKED.has(method)) return null;
  const company = item.deliveryCompanyCode;
  const tracking = item.trackingNumber;
  if (typeof company !== 'string' || company === '') return { code: '104118', message: '택배사를 입력해 주세요.' };
  if (!COURIER_CODES.has(company)) return { code: '104119', message: '올바르지 않은 택배사 코드입니다.' };
  if (typeof tracking !== 'string' || tracking === '') return { code: '104120', message: '송장번호를 입력해 주세요.' };
  if (!/^[A-Za-z0-9]{8,20}$/.test(tracking)) return { code: '104122', message: '올바르지 않은 송장번호입니다.' };
  // One waybill may cover several product orders to the same recipient (묶음배송, our merged boxes); another
  // recipient's parcel with the same number is a reused waybill. Assumption modelled on Coupang's rule (§1.5).
  for (const other of store.productOrders.values()) {
    if (other === po || other.delivery?.trackingNumber !== tracking || other.delivery.deliveryCompany !== company) continue;
    if (recipientKey(other) !== recipientKey(po)) return { code: '104121', message: '이미 사용된 송장번호입니다.' };
  }
  return null;
}

function dispatch(store: NaverStore) {
  return (req: Request, res: Response): void => {
    const items = (req.body as Record<string, unknown> | null)?.dispatchProductOrders;
    if (!Array.isArray(items) || items.length === 0) return sendError(res, 400, '4000', 'dispatchProductOrders가 비어 있습니다.');
    if (items.length > MAX_DISPATCH) return sendError(res, 400, '4000', `dispatchProductOrders는 한 번에 ${MAX_DISPATCH}건까지 요청할 수 있습니다.`);
    const successProductOrderIds: string[] = [];
    const failProductOrderInfos: { productOrderId: string; code: string; message: string }[] = [];
    const seen = new Set<string>();
    for (const raw of items) {
      const item = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
      const id = typeof item.productOrderId === 'string' ? item.productOrderId : String(item.productOrderId ?? '');
      const po = store.productOrders.get(id);
      const failure = seen.has(id) ? { code: '104131', message: '중복된 상품주문번호입니다.' } : check(store, item, po);
      seen.add(id);
      if (failure || !po) {
        failProductOrderInfos.push({ productOrderId: id, ...(failure ?? { code: '100001', message: '상품주문을 찾을 수 없습니다.' }) });
        continue;
      }
      const method = item.deliveryMethod as string;
      // Dispatching an unconfirmed product order confirms it on the way, as the seller center does.
      if (po.placeOrderStatus !== 'OK') {
        po.placeOrderStatus = 'OK';
        po.placeOrderDate = Date.now();
      }
      po.productOrderStatus = 'DELIVERING';
      po.delivery = {
        deliveryMethod: method,
        deliveryCompany: TRACKED.has(method) ? (item.deliveryCompanyCode as string) : null,
        trackingNumber: TRACKED.has(method) ? (item.trackingNumber as string) : null,
        sendDate: Date.parse(item.dispatchDate as string),
        deliveryStatus: null,
        deliveredDate: null,
      };
      store.logChange(po, 'DISPATCHED');
      successProductOrderIds.push(id);
    }
    sendData(res, { successProductOrderIds, failProductOrderInfos });
  };
}

export function dispatchRoutes(store: NaverStore): Router {
  const router = Router();
  router.post('/v1/pay-order/seller/product-orders/dispatch', dispatch(store));
  return router;
}
