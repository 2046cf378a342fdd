// The shapes Coupang answers with (mall-apis.md §1.3–§1.6), checked with zod after lossless parsing. Ids arrive
// as numbers or, when beyond the safe range, as the digit strings parseLossless made of them: both become text.
// Fields the connector does not read are left out; optional ones are nullish because Coupang sends null, "" or
// nothing at all depending on the endpoint and its age.
import { z } from 'zod';

const id = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform(String);
const text = z.string().nullish();
const count = z.number().int().nullish();
/** `code` is a number in list answers and a string in action answers (§1.3): accept both. */
const code = z.union([z.number(), z.string()]).nullish();

export const orderItemSchema = z.object({
  vendorItemId: id,
  vendorItemName: text,
  sellerProductId: id.nullish(),
  sellerProductName: text,
  sellerProductItemName: text,
  firstSellerProductItemName: text,
  shippingCount: z.number().int(),
  salesPrice: z.number().nullish(),
  orderPrice: z.number().nullish(),
  cancelCount: count,
  holdCountForCancel: count,
  canceled: z.boolean().nullish(),
  invoiceNumberUploadDate: text,
  confirmDate: text,
});

export const ordersheetSchema = z.object({
  shipmentBoxId: id,
  orderId: id,
  orderedAt: text,
  paidAt: text,
  status: z.string(),
  orderer: z.object({ name: text, email: text, safeNumber: text, ordererNumber: text }).nullish(),
  receiver: z.object({ name: text, safeNumber: text, receiverNumber: text, addr1: text, addr2: text, postCode: text }).nullish(),
  shippingPrice: z.number().nullish(),
  parcelPrintMessage: text,
  orderItems: z.array(orderItemSchema),
  deliveryCompanyName: text,
  invoiceNumber: text,
  inTrasitDateTime: text, // sic (§1.3)
  deliveredDate: text,
});
export type Ordersheet = z.infer<typeof ordersheetSchema>;
export type OrderItem = z.infer<typeof orderItemSchema>;

export const ordersheetPageSchema = z.object({ code, message: text, nextToken: text, data: z.array(ordersheetSchema) });

/** Single box: `data` is one ordersheet (some clients see a one-element list: accept both). */
export const ordersheetOneSchema = z.object({ code, message: text, data: z.union([ordersheetSchema, z.array(ordersheetSchema)]) });

export const ordersheetListSchema = z.object({ code, message: text, data: z.array(ordersheetSchema) });

/** Answer of acknowledgement and invoice upload (§1.4, §1.5): one result per shipmentBoxId. */
export const actionSchema = z.object({
  code,
  message: text,
  data: z.object({
    responseCode: z.number().int().nullish(),
    responseMessage: text,
    responseList: z
      .array(
        z.object({
          shipmentBoxId: id,
          succeed: z.boolean(),
          resultCode: text,
          resultMessage: text,
          retryRequired: z.boolean().nullish(),
        }),
      )
      .nullish(),
  }),
});
export type ActionData = z.infer<typeof actionSchema>['data'];

export const returnRequestSchema = z.object({
  receiptId: id,
  orderId: id,
  receiptType: text,
  receiptStatus: text,
  createdAt: text,
  modifiedAt: text,
  cancelReasonCategory1: text,
  cancelReasonCategory2: text,
  cancelReason: text,
  returnItems: z.array(z.object({ vendorItemId: id, shipmentBoxId: id, cancelCount: count, purchaseCount: count, vendorItemName: text })),
});
export type ReturnRequest = z.infer<typeof returnRequestSchema>;
export const returnPageSchema = z.object({ code, message: text, nextToken: text, data: z.array(returnRequestSchema) });

export const withdrawalSchema = z.object({
  cancelId: id,
  orderId: id,
  createdAt: text,
  vendorItemIds: z.array(id).nullish(),
});
export type Withdrawal = z.infer<typeof withdrawalSchema>;
export const withdrawalPageSchema = z.object({
  code,
  message: text,
  nextPageIndex: z.union([z.string(), z.number()]).nullish(),
  data: z.array(withdrawalSchema),
});

export const exchangeSchema = z.object({
  exchangeId: id,
  orderId: id,
  exchangeStatus: z.string(),
  reasonCodeText: text,
  reasonEtcDetail: text,
  createdAt: text,
  modifiedAt: text,
  exchangeItemDtoV1s: z.array(
    // orderItemId is the original vendorItemId; originalShipmentBoxId the box it was shipped in (§1.6).
    z.object({ orderItemId: id, originalShipmentBoxId: id.nullish(), quantity: count }),
  ),
});
export type Exchange = z.infer<typeof exchangeSchema>;
export const exchangePageSchema = z.object({ code, message: text, nextToken: text, data: z.array(exchangeSchema) });

/** Answer of the return/cancel actions (§1.6: stoppedShipment, receiveConfirmation, approval). */
export const claimActionSchema = z.object({
  code,
  message: text,
  data: z.object({ resultCode: text, resultMessage: text }).nullish(),
});

/** One receipt (`returnRequests/{receiptId}`): data is a list of one, or the receipt itself. */
export const returnOneSchema = z.object({ code, message: text, data: z.union([returnRequestSchema, z.array(returnRequestSchema)]) });
