// The sandbox mall's state: orders and their product orders as Naver keeps them (mall-apis.md §2.2, §2.6), the
// change log that last-changed-statuses reads, and what tests inspect (request log, token requests).
import { seededRandom } from '../korean-data.ts';

export type ClaimType = 'CANCEL' | 'RETURN' | 'EXCHANGE';

export type Claim = {
  claimId: string;
  claimType: ClaimType;
  claimStatus: string;
  reason: string;
  detailedReason: string;
  requestDate: number;
  requestQuantity: number;
  completedDate: number | null;
  /** The seller's reason when it refused the claim (return/reject's rejectReturnReason). */
  rejectReason?: string;
};

export type Delivery = {
  deliveryMethod: string;
  deliveryCompany: string | null;
  trackingNumber: string | null;
  sendDate: number;
  deliveryStatus: string | null;
  deliveredDate: number | null;
};

export type ShippingAddress = {
  name: string;
  tel1: string;
  tel2: string;
  zipCode: string;
  baseAddress: string;
  detailedAddress: string;
};

export type ProductOrderRecord = {
  productOrderId: string;
  orderId: string;
  productId: string;
  optionCode: string;
  productName: string;
  productOption: string;
  quantity: number;
  unitPrice: number;
  productDiscountAmount: number;
  totalProductAmount: number;
  totalPaymentAmount: number;
  deliveryFeeAmount: number;
  packageNumber: string | null;
  productOrderStatus: string;
  placeOrderStatus: 'NOT_YET' | 'OK' | 'CANCEL';
  placeOrderDate: number | null;
  claim: Claim | null;
  delivery: Delivery | null;
  decisionDate: number | null;
  shippingAddress: ShippingAddress;
  shippingMemo: string;
  shippingDueDate: number;
};

export type OrderRecord = {
  orderId: string;
  orderDate: number;
  paymentDate: number;
  paymentMeans: string;
  ordererId: string;
  ordererName: string;
  ordererTel: string;
  productOrderIds: string[];
};

export type ChangeEntry = {
  seq: number;
  orderId: string;
  productOrderId: string;
  /** null for delivery progress, which Naver's documented lastChangedType list has no value for (§2.2). */
  lastChangedType: string | null;
  at: number;
  paymentDate: number;
  productOrderStatus: string;
  claimType: string | null;
  claimStatus: string | null;
};

export type RequestLogEntry = { method: string; path: string; query: Record<string, string>; body: unknown; status: number; at: number };

/** A claim still waiting on someone; a rejected (withdrawn) one no longer blocks anything. */
export function liveClaim(po: ProductOrderRecord): Claim | null {
  const claim = po.claim;
  if (!claim || claim.claimStatus.endsWith('_REJECT') || claim.claimStatus.endsWith('_DONE')) return null;
  return claim;
}

const KST_OFFSET_MS = 9 * 3600_000;

export class NaverStore {
  readonly orders = new Map<string, OrderRecord>();
  readonly productOrders = new Map<string, ProductOrderRecord>();
  readonly changes: ChangeEntry[] = [];
  readonly requests: RequestLogEntry[] = [];
  /** Every call to the token endpoint, accepted or not. */
  tokenRequests = 0;
  random: () => number;
  private seq = 0;
  private batches = 0;
  private sorted = true;
  private readonly ids = new Set<string>();

  constructor(readonly seed: number) {
    this.random = seededRandom(seed);
  }

  /** 16-digit numeric id as Naver's: KST yyyymmdd of `at` + 8 digits (e.g. 2022040521691281, §2.2). */
  newId(at: number): string {
    const day = new Date(at + KST_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '');
    for (;;) {
      const id = day + String(Math.floor(this.random() * 1e8)).padStart(8, '0');
      if (!this.ids.has(id)) {
        this.ids.add(id);
        return id;
      }
    }
  }

  /** A different seed for each batch of sample orders, so batches do not repeat each other. */
  nextBatchSeed(): number {
    this.batches += 1;
    return this.seed * 1000 + this.batches;
  }

  logChange(po: ProductOrderRecord, lastChangedType: string | null, at = Date.now()): void {
    const order = this.orders.get(po.orderId);
    this.changes.push({
      seq: ++this.seq,
      orderId: po.orderId,
      productOrderId: po.productOrderId,
      lastChangedType,
      at,
      paymentDate: order?.paymentDate ?? at,
      productOrderStatus: po.productOrderStatus,
      claimType: po.claim?.claimType ?? null,
      claimStatus: po.claim?.claimStatus ?? null,
    });
    this.sorted = false;
  }

  /** Change time, then productOrderId (§2.2), then the order they happened in. */
  sortedChanges(): readonly ChangeEntry[] {
    if (!this.sorted) {
      this.changes.sort(
        (a, b) => a.at - b.at || (a.productOrderId < b.productOrderId ? -1 : a.productOrderId > b.productOrderId ? 1 : 0) || a.seq - b.seq,
      );
      this.sorted = true;
    }
    return this.changes;
  }

  /**
   * Ids and data made from now on come from `seed`: a sandbox restarted with the same seed makes the same sample
   * orders, then, given another seed for what follows, new orders the server has not collected before.
   */
  continueWith(seed: number): void {
    this.random = seededRandom(seed);
  }

  reset(): void {
    this.orders.clear();
    this.productOrders.clear();
    this.changes.length = 0;
    this.requests.length = 0;
    this.ids.clear();
    this.tokenRequests = 0;
    this.seq = 0;
    this.batches = 0;
    this.sorted = true;
    this.random = seededRandom(this.seed);
  }
}
