// The one interface every mall connector implements, and the mall-neutral shapes it speaks. Jobs (collect,
// confirm, send invoices, sync) only see these; each mall's protocol stays inside its own folder.
import type { ClaimType, MallClaimState, Status } from '../../shared/lifecycle.ts';
import type { Text } from '../../shared/i18n.ts';
import type { MallType } from '../../shared/malls.ts';

/** A window of time, ISO-8601 instants (UTC). Connectors split it into the sizes their mall allows. */
export type TimeWindow = { from: string; to: string };

export type MallLine = {
  /** Unique per account and line: Naver productOrderId; Coupang `${shipmentBoxId}-${vendorItemId}`. Text, always. */
  mallLineId: string;
  /** Coupang shipmentBoxId (up to 18 digits), Naver packageNumber or null. Text, always. */
  mallShipmentId: string | null;
  mallProductId: string | null;
  mallOptionId: string | null;
  productName: string;
  optionText: string | null;
  quantity: number;
  /** Won, integers. */
  unitPrice: number;
  amount: number;
  /** The mall's own status words, kept for showing mismatches (e.g. "INSTRUCT", "PAYED/OK"). */
  mallStatus: string;
  /** Where the line stands in our lifecycle according to the mall. */
  status: Status;
};

export type MallOrder = {
  mallOrderId: string;
  orderedAt: string | null;
  paidAt: string | null;
  orderer: { name: string; phone: string | null; email: string | null };
  recipient: {
    name: string;
    phone: string | null;
    mobile: string | null;
    zip: string | null;
    address1: string | null;
    address2: string | null;
  };
  deliveryMemo: string | null;
  shippingFee: number;
  lines: MallLine[];
};

/** What a job sends to the mall for one line or box, with our ids so results can be written back. */
export type ConfirmTarget = { lineId: string; mallLineId: string; mallShipmentId: string | null; mallOrderId: string };

export type InvoiceTarget = {
  boxId: string;
  /** The mall's courier code is derived by the connector from our courier code (shared/couriers.ts). */
  courier: string;
  trackingNumber: string;
  /**
   * The mall has had a number of this box before (it was sent, then its number was overwritten here): the mall's
   * "change the number" call applies, not the first upload, which malls refuse for a box that has a number.
   */
  numberChange?: boolean;
  lines: {
    lineId: string;
    mallLineId: string;
    mallShipmentId: string | null;
    mallOrderId: string;
    mallProductId: string | null;
    mallOptionId: string | null;
  }[];
};

/**
 * A claim the mall reported that an operator decided here, to be told to the mall: `approve` (the buyer's cancel or
 * return is accepted: the mall refunds) or `reject` (refused). One per claim of ours; `ref` of its outcome = claimId.
 */
export type ClaimDecisionTarget = {
  claimId: string;
  decision: 'approve' | 'reject';
  type: ClaimType;
  /** The mall's claim: Coupang receiptId (exchangeId for exchanges), Naver claimId. */
  mallClaimId: string | null;
  mallLineId: string;
  mallShipmentId: string | null;
  mallOrderId: string;
  mallOptionId: string | null;
  quantity: number;
  /** The operator's reason, for a refusal the mall wants one for (Naver rejectReturnReason). */
  reason: string | null;
};

/** One result per line (confirm) or per box (invoices). `code` is the mall's raw code; `message` is for operators. */
export type Outcome = { ref: string; ok: boolean; code?: string; message?: Text; retryable?: boolean };

/** A change the mall reports about a line we may have collected. */
export type MallChange = {
  mallLineId: string;
  mallOrderId: string;
  mallStatus: string;
  /** Our lifecycle status the mall now implies. */
  status: Status;
  claim?: {
    type: ClaimType;
    state: MallClaimState;
    mallClaimId: string | null;
    reason: string | null;
    quantity: number | null;
  };
  changedAt: string;
};

/**
 * An order's receiver as the mall has it now, where the buyer may have changed it after collection: Naver's product
 * orders whose lastChangedType is DELIVERY_ADDRESS_CHANGED; every Coupang order still in ACCEPT / INSTRUCT (the
 * receiver may change there, §1.2). One per mall order: our recipient is on the order. The caller compares it with
 * what the mall gave before; a connector cannot tell a change from a repeat.
 */
export type MallRecipientChange = {
  mallOrderId: string;
  recipient: MallOrder['recipient'];
  deliveryMemo: string | null;
  /** When the mall says it changed (Naver lastChangedDate); null when the mall shows only where it stands (Coupang). */
  changedAt: string | null;
};

export interface MallConnector {
  readonly mallType: MallType;
  /**
   * Whether the mall takes an invoice only for an order confirmed there (Coupang: INSTRUCT boxes only, §1.5). Naver
   * dispatches a product order whose 발주확인 is still NOT_YET (§2.4 names no such condition), confirming it.
   */
  readonly invoiceNeedsConfirm: boolean;
  /** Checks credentials with one cheap authenticated call; throws MallError when refused. */
  testConnection(): Promise<void>;
  /** Orders paid in the window that have not shipped yet; orders cancelled before collection are left out. */
  listNewOrders(window: TimeWindow): Promise<MallOrder[]>;
  /**
   * The same orders, handed over a page at a time as the mall answers, so the caller can store one page while the
   * next is read. Every order is whole within one page and is in one page only.
   */
  newOrderPages(window: TimeWindow): AsyncIterable<MallOrder[]>;
  /** Acknowledges orders (발주확인), in the mall's batch sizes; one outcome per target line (`ref` = lineId). */
  confirm(targets: ConfirmTarget[]): Promise<Outcome[]>;
  /** Uploads tracking numbers (송장전송), one outcome per box (`ref` = boxId). */
  sendInvoices(boxes: InvoiceTarget[]): Promise<Outcome[]>;
  /**
   * Tells the mall what was decided on its claims (취소 승인, 반품 승인, 반품 거부), one outcome per target (`ref` =
   * claimId). A decision the mall has no call for is refused with code UNSUPPORTED_DECISION (never retried).
   */
  sendClaimDecisions(targets: ClaimDecisionTarget[]): Promise<Outcome[]>;
  /** Status and claim changes in the window, for lines collected earlier. */
  listChanges(window: TimeWindow): Promise<MallChange[]>;
  /** Receivers that may have changed at the mall in the window (see MallRecipientChange). */
  listRecipientChanges(window: TimeWindow): Promise<MallRecipientChange[]>;
}
