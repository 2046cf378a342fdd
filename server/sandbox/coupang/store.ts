// The Coupang sandbox's memory: boxes (one ordersheet each, mall-apis.md §1.3), claims (return/cancel receipts,
// exchanges, §1.6), invoice numbers in use, the faults to inject and a log of every API request for tests.
// Ids are kept as digit strings and written to the wire as JSON numbers, as Coupang does.
import { FaultQueue } from '../faults.ts';
import { seededRandom } from '../korean-data.ts';

export type BoxStatus = 'ACCEPT' | 'INSTRUCT' | 'DEPARTURE' | 'DELIVERING' | 'FINAL_DELIVERY' | 'NONE_TRACKING';
export const BOX_STATUSES: readonly BoxStatus[] = ['ACCEPT', 'INSTRUCT', 'DEPARTURE', 'DELIVERING', 'FINAL_DELIVERY', 'NONE_TRACKING'];

export type SandboxItem = {
  vendorItemId: string;
  sellerProductId: string;
  productName: string;
  optionName: string;
  /** Quantity still to ship; cancelled quantity moves to cancelCount (§1.3). */
  shippingCount: number;
  salesPrice: number;
  cancelCount: number;
  holdCountForCancel: number;
  invoiceUploadedAt: Date | null;
  confirmedAt: Date | null;
};

export type SandboxBox = {
  shipmentBoxId: string;
  orderId: string;
  orderedAt: Date;
  paidAt: Date;
  status: BoxStatus;
  orderer: { name: string; email: string; safeNumber: string };
  receiver: { name: string; safeNumber: string; addr1: string; addr2: string; postCode: string };
  shippingPrice: number;
  memo: string;
  items: SandboxItem[];
  deliveryCompanyCode: string | null;
  invoiceNumber: string | null;
  inTransitAt: Date | null;
  deliveredAt: Date | null;
  /** Return completed: the box leaves the ordersheet lists (§1.2). */
  returned: boolean;
};

export type ReceiptStatus =
  'RELEASE_STOP_UNCHECKED' | 'RETURNS_UNCHECKED' | 'VENDOR_WAREHOUSE_CONFIRM' | 'REQUEST_COUPANG_CHECK' | 'RETURNS_COMPLETED';

export type Receipt = {
  receiptId: string;
  orderId: string;
  /** CANCEL: cancelled before shipping, listed under cancelType=CANCEL; RETURN: everything else. */
  receiptType: 'RETURN' | 'CANCEL';
  receiptStatus: ReceiptStatus;
  createdAt: Date;
  modifiedAt: Date;
  reasonCategory1: string;
  reasonCategory2: string;
  reason: string;
  items: { shipmentBoxId: string; vendorItemId: string; cancelCount: number; purchaseCount: number }[];
  /** Withdrawn by the buyer: gone from returnRequests, listed in returnWithdrawRequests. */
  withdrawnAt: Date | null;
};

export type ExchangeStatus = 'RECEIPT' | 'PROGRESS' | 'SUCCESS' | 'REJECT' | 'CANCEL';

export type ExchangeRecord = {
  exchangeId: string;
  orderId: string;
  exchangeStatus: ExchangeStatus;
  createdAt: Date;
  modifiedAt: Date;
  reasonCodeText: string;
  reasonEtcDetail: string;
  items: { shipmentBoxId: string; vendorItemId: string; quantity: number; name: string }[];
};

export type RequestLogEntry = {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  /** Boxes in an acknowledgement, entries in an invoice upload. */
  items?: number;
};

/** Digit strings compare as numbers when their lengths are compared first. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

export class CoupangStore {
  readonly boxes = new Map<string, SandboxBox>();
  receipts: Receipt[] = [];
  exchanges: ExchangeRecord[] = [];
  /** invoiceNumber → shipmentBoxId that registered it (§1.5: a number may not serve two receivers). */
  readonly invoiceOwners = new Map<string, string>();
  readonly faults = new FaultQueue();
  requests: RequestLogEntry[] = [];
  /** vendorItemId per product option, stable for the sandbox's life, like a seller's catalogue. */
  /** vendorItemId per product option, stable until reset, like a seller's catalogue. */
  readonly catalogue = new Map<string, { vendorItemId: string; sellerProductId: string }>();
  random: () => number = Math.random;
  /** Calls to the order generator so far; each call draws a different sample. */
  batches = 0;
  private usedIds = new Set<string>();
  private nextReceipt = 0;
  private nextExchange = 0;

  constructor(
    readonly vendorId: string,
    readonly seed: number,
  ) {
    this.reset();
  }

  /** Back to the first moment: no orders, claims, faults or log; ids drawn again from the seed. */
  /**
   * Ids and data made from now on come from `seed`: a sandbox restarted with the same seed makes the same sample
   * orders, then, given another seed for what follows, new orders the server has not collected before.
   */
  continueWith(seed: number): void {
    this.random = seededRandom(seed);
  }

  reset(): void {
    this.boxes.clear();
    this.receipts = [];
    this.exchanges = [];
    this.invoiceOwners.clear();
    this.faults.clear();
    this.requests = [];
    this.catalogue.clear();
    this.usedIds.clear();
    this.batches = 0;
    this.random = seededRandom(this.seed);
    this.nextReceipt = 300_000_000 + Math.floor(this.random() * 100_000_000);
    this.nextExchange = 100_000_000 + Math.floor(this.random() * 100_000_000);
  }

  /** A fresh id of `length` digits, first digit non-zero, never handed out before. */
  newId(length: number): string {
    for (;;) {
      let id = String(1 + Math.floor(this.random() * 9));
      while (id.length < length) id += String(Math.floor(this.random() * 10));
      if (!this.usedIds.has(id)) {
        this.usedIds.add(id);
        return id;
      }
    }
  }

  newReceiptId(): string {
    return String(this.nextReceipt++);
  }

  newExchangeId(): string {
    return String(this.nextExchange++);
  }

  boxesOfOrder(orderId: string): SandboxBox[] {
    return [...this.boxes.values()].filter((b) => b.orderId === orderId);
  }
}
