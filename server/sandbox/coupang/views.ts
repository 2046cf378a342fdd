// How the sandbox writes its state on the wire, in the shapes of mall-apis.md §1.3 and §1.6: ids as JSON numbers
// (18-digit shipmentBoxIds included, as the real API does), KST wall-clock times in Coupang's mixed formats.
import type { Response } from 'express';
import { LosslessNumber, stringifyLossless } from '../../connectors/coupang/json.ts';
import type { ExchangeRecord, Receipt, SandboxBox } from './store.ts';

const KST_OFFSET_MS = 9 * 3600_000;
const num = (digits: string) => new LosslessNumber(digits);

/** KST wall clock, `yyyy-MM-ddTHH:mm:ss` or with a space, as Coupang mixes both (§1.3). */
export function kstText(date: Date | null, separator: 'T' | ' ' = 'T'): string {
  if (!date) return '';
  const iso = new Date(date.getTime() + KST_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)}${separator}${iso.slice(11, 19)}`;
}

const kstDay = (date: Date) => kstText(date).slice(0, 10);

/** Answers JSON with big integers intact. */
export function send(res: Response, status: number, body: unknown): void {
  res.status(status).type('application/json;charset=UTF-8').send(stringifyLossless(body));
}

export function sendError(res: Response, status: number, message: string): void {
  send(res, status, { code: status, message });
}

export function ordersheetView(box: SandboxBox): Record<string, unknown> {
  return {
    shipmentBoxId: num(box.shipmentBoxId),
    orderId: num(box.orderId),
    orderedAt: kstText(box.orderedAt),
    paidAt: kstText(box.paidAt),
    status: box.status,
    orderer: { name: box.orderer.name, email: box.orderer.email, safeNumber: box.orderer.safeNumber, ordererNumber: null },
    receiver: { ...box.receiver, receiverNumber: null },
    shippingPrice: box.shippingPrice,
    remotePrice: 0,
    remoteArea: false,
    parcelPrintMessage: box.memo,
    splitShipping: false,
    ableSplitShipping: false,
    orderItems: box.items.map((item) => ({
      vendorItemPackageId: 0,
      vendorItemPackageName: item.productName,
      productId: 0,
      vendorItemId: num(item.vendorItemId),
      vendorItemName: `${item.productName}, ${item.optionName}`,
      shippingCount: item.shippingCount,
      salesPrice: item.salesPrice,
      orderPrice: item.salesPrice * item.shippingCount,
      discountPrice: null,
      instantCouponDiscount: 0,
      downloadableCouponDiscount: 0,
      coupangDiscount: 0,
      externalVendorSkuCode: '',
      etcInfoHeader: null,
      etcInfoValue: null,
      etcInfoValues: [],
      sellerProductId: num(item.sellerProductId),
      sellerProductName: item.productName,
      sellerProductItemName: item.optionName,
      firstSellerProductItemName: item.optionName,
      cancelCount: item.cancelCount,
      holdCountForCancel: item.holdCountForCancel,
      estimatedShippingDate: kstDay(new Date(box.paidAt.getTime() + 2 * 86400_000)),
      plannedShippingDate: '',
      invoiceNumberUploadDate: kstText(item.invoiceUploadedAt),
      extraProperties: {},
      pricingBadge: false,
      usedProduct: false,
      confirmDate: item.confirmedAt ? kstText(item.confirmedAt, ' ') : null,
      deliveryChargeTypeName: box.shippingPrice ? '유료' : '무료',
      canceled: item.shippingCount === 0 && item.cancelCount > 0,
    })),
    overseaShippingInfoDto: { personalCustomsClearanceCode: null, ordererSsn: null, ordererPhoneNumber: null },
    deliveryCompanyName: box.deliveryCompanyCode ?? '',
    invoiceNumber: box.invoiceNumber ?? '',
    inTrasitDateTime: kstText(box.inTransitAt, ' '),
    deliveredDate: kstText(box.deliveredAt, ' '),
    refer: '안드로이드앱',
    shipmentType: 'THIRD_PARTY',
  };
}

export function receiptView(receipt: Receipt, box: SandboxBox | undefined): Record<string, unknown> {
  const names = new Map(box?.items.map((i) => [i.vendorItemId, i]) ?? []);
  return {
    receiptId: num(receipt.receiptId),
    orderId: num(receipt.orderId),
    paymentId: num(receipt.orderId),
    receiptType: receipt.receiptType,
    receiptStatus: receipt.receiptStatus,
    createdAt: kstText(receipt.createdAt),
    modifiedAt: kstText(receipt.modifiedAt),
    requesterName: box?.receiver.name ?? '',
    requesterPhoneNumber: box?.receiver.safeNumber ?? '',
    requesterRealPhoneNumber: null,
    requesterAddress: box?.receiver.addr1 ?? '',
    requesterAddressDetail: box?.receiver.addr2 ?? '',
    requesterZipCode: box?.receiver.postCode ?? '',
    cancelReasonCategory1: receipt.reasonCategory1,
    cancelReasonCategory2: receipt.reasonCategory2,
    cancelReason: receipt.reason,
    cancelCountSum: receipt.items.reduce((sum, i) => sum + i.cancelCount, 0),
    returnDeliveryType: receipt.receiptType === 'CANCEL' ? '' : '연동택배',
    releaseStopStatus: receipt.receiptStatus === 'RELEASE_STOP_UNCHECKED' ? '미처리' : '',
    enclosePrice: 0,
    faultByType: 'CUSTOMER',
    preRefund: false,
    completeConfirmType: receipt.receiptStatus === 'RETURNS_COMPLETED' ? 'VENDOR_CONFIRM' : 'UNDEFINED',
    completeConfirmDate: receipt.receiptStatus === 'RETURNS_COMPLETED' ? kstText(receipt.modifiedAt) : '',
    returnItems: receipt.items.map((i) => {
      const item = names.get(i.vendorItemId);
      return {
        vendorItemPackageId: 0,
        vendorItemPackageName: item?.productName ?? '',
        vendorItemId: num(i.vendorItemId),
        vendorItemName: item ? `${item.productName}, ${item.optionName}` : '',
        purchaseCount: i.purchaseCount,
        cancelCount: i.cancelCount,
        shipmentBoxId: num(i.shipmentBoxId),
        sellerProductId: item ? num(item.sellerProductId) : null,
        sellerProductName: item?.productName ?? '',
        releaseStatus: box && box.status !== 'ACCEPT' && box.status !== 'INSTRUCT' ? 'Y' : receipt.receiptType === 'CANCEL' ? 'S' : 'N',
      };
    }),
    returnDeliveryDtos: [],
  };
}

export function withdrawalView(receipt: Receipt, vendorId: string): Record<string, unknown> {
  return {
    cancelId: num(receipt.receiptId),
    orderId: num(receipt.orderId),
    vendorId,
    refundDeliveryDuty: 'CUS',
    createdAt: kstText(receipt.withdrawnAt),
    vendorItemIds: receipt.items.map((i) => num(i.vendorItemId)),
  };
}

export function exchangeView(exchange: ExchangeRecord, vendorId: string, box: SandboxBox | undefined): Record<string, unknown> {
  return {
    exchangeId: num(exchange.exchangeId),
    orderId: num(exchange.orderId),
    vendorId,
    orderDeliveryStatusCode: box?.status ?? '',
    exchangeStatus: exchange.exchangeStatus,
    referType: 'VENDOR',
    faultType: 'CUSTOMER',
    exchangeAmount: 0,
    reason: null,
    reasonCode: 'CHANGE_OPTION',
    reasonCodeText: exchange.reasonCodeText,
    reasonEtcDetail: exchange.reasonEtcDetail,
    cancelReason: '',
    createdByType: 'CUSTOMER',
    createdAt: kstText(exchange.createdAt),
    modifiedByType: 'CUSTOMER',
    modifiedAt: kstText(exchange.modifiedAt),
    exchangeItemDtoV1s: exchange.items.map((i, n) => {
      const item = box?.items.find((it) => it.vendorItemId === i.vendorItemId);
      return {
        exchangeItemId: n + 1,
        orderItemId: num(i.vendorItemId),
        orderItemUnitPrice: item?.salesPrice ?? 0,
        orderItemName: i.name,
        orderPackageId: 0,
        orderPackageName: i.name,
        targetItemId: num(i.vendorItemId),
        targetItemUnitPrice: item?.salesPrice ?? 0,
        targetItemName: i.name,
        targetPackageId: 0,
        targetPackageName: i.name,
        quantity: i.quantity,
        orderItemDeliveryComplete: true,
        orderItemReturnComplete: exchange.exchangeStatus === 'SUCCESS',
        targetItemDeliveryComplete: exchange.exchangeStatus === 'SUCCESS',
        createdAt: kstText(exchange.createdAt),
        modifiedAt: kstText(exchange.modifiedAt),
        originalShipmentBoxId: num(i.shipmentBoxId),
      };
    }),
    deliveryInvoiceGroupDtos: [],
    collectStatus: exchange.exchangeStatus === 'SUCCESS' ? 'COMPLETE_COLLECT' : 'BEFORE_DIRECTION',
  };
}

export type ItemResult = { shipmentBoxId: string; succeed: boolean; resultCode: string; resultMessage: string; retryRequired: boolean };

/** Answer of acknowledgement and invoice upload; responseCode 0 all succeeded, 1 some, 99 none (§1.4, §1.5). */
export function actionAnswer(results: ItemResult[]): Record<string, unknown> {
  const ok = results.filter((r) => r.succeed).length;
  const responseCode = ok === results.length ? 0 : ok === 0 ? 99 : 1;
  return {
    code: '200',
    message: 'OK',
    data: {
      responseKey: null,
      responseCode,
      responseMessage:
        responseCode === 0 ? 'SUCCESS' : responseCode === 1 ? 'PARTIAL_SUCCESS' : '배송상태를 변경할 수 없습니다. 주문 상태를 확인해 주세요.',
      responseList: results.map((r) => ({ ...r, shipmentBoxId: num(r.shipmentBoxId) })),
    },
  };
}
