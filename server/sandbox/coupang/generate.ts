// New orders for the Coupang sandbox from the shared Korean sample data: one box per order, orderId of 14–16
// digits, shipmentBoxId of 18 (beyond JS number precision, as since 2024-11, mall-apis.md §1.2), 050x safe
// numbers for orderer and receiver, paid within the last days unless a time is given.
import type { SandboxRecipient } from '../admin-schema.ts';
import { makeSampleOrders, toRecipient } from '../korean-data.ts';
import type { BoxStatus, CoupangStore, SandboxBox } from './store.ts';

export type NewOrdersInput = { count?: number; status?: 'paid' | 'confirmed'; paidAt?: string; recipient?: SandboxRecipient };

const FREE_SHIPPING_FROM = 30000;
const SHIPPING_PRICE = 2500;
const RECENT_MS = 3 * 86400_000;

export function createOrders(store: CoupangStore, input: NewOrdersInput = {}, now = Date.now()): SandboxBox[] {
  const count = input.count ?? 1;
  const status: BoxStatus = input.status === 'confirmed' ? 'INSTRUCT' : 'ACCEPT';
  const samples = makeSampleOrders(count, store.seed * 1000 + ++store.batches).map((o) => toRecipient(o, input.recipient));
  const fixedPaidAt = input.paidAt ? Date.parse(input.paidAt) : null;
  return samples.map((sample) => {
    const paidMs = fixedPaidAt ?? now - Math.floor(store.random() * RECENT_MS);
    const orderedMs = paidMs - 5000 - Math.floor(store.random() * 120_000);
    const items = sample.items.map((item) => {
      const key = `${item.name}|${item.option}`;
      let ids = store.catalogue.get(key);
      if (!ids) {
        ids = { vendorItemId: store.newId(10 + Math.floor(store.random() * 2)), sellerProductId: store.newId(8 + Math.floor(store.random() * 2)) };
        store.catalogue.set(key, ids);
      }
      return {
        vendorItemId: ids.vendorItemId,
        sellerProductId: ids.sellerProductId,
        productName: item.name,
        optionName: item.option,
        shippingCount: item.quantity,
        salesPrice: item.unitPrice,
        cancelCount: 0,
        holdCountForCancel: 0,
        invoiceUploadedAt: null,
        confirmedAt: null,
      };
    });
    const total = items.reduce((sum, i) => sum + i.salesPrice * i.shippingCount, 0);
    const box: SandboxBox = {
      shipmentBoxId: store.newId(18),
      orderId: store.newId(14 + Math.floor(store.random() * 3)),
      orderedAt: new Date(orderedMs),
      paidAt: new Date(paidMs),
      status,
      // Coupang no longer hands out orderer e-mail addresses (§1.3).
      orderer: { name: sample.ordererName, email: '', safeNumber: sample.safeNumber },
      receiver: { name: sample.recipientName, safeNumber: sample.safeNumber, addr1: sample.address1, addr2: sample.address2, postCode: sample.zip },
      shippingPrice: total >= FREE_SHIPPING_FROM ? 0 : SHIPPING_PRICE,
      memo: sample.memo,
      items,
      deliveryCompanyCode: null,
      invoiceNumber: null,
      inTransitAt: null,
      deliveredAt: null,
      returned: false,
    };
    store.boxes.set(box.shipmentBoxId, box);
    return box;
  });
}
