// A typed client for the sandbox's /_sandbox admin API, for tests and demo scripts that drive the sandbox from
// outside (over HTTP, as a separate process would).
import type { SandboxRecipient } from '../admin-schema.ts';
import type { Fault } from '../faults.ts';
import type { SandboxEvent } from './events.ts';

export type AdminProductOrder = {
  productOrderId: string;
  packageNumber: string | null;
  productName: string;
  productOption: string;
  quantity: number;
  productOrderStatus: string;
  placeOrderStatus: string;
  claimType: string | null;
  claimStatus: string | null;
  claimId: string | null;
  /** The seller's reason for a refused claim. */
  claimRejectReason: string | null;
  deliveryMethod: string | null;
  deliveryCompany: string | null;
  trackingNumber: string | null;
  deliveryStatus: string | null;
  recipient: { name: string; tel1: string; tel2: string; zipCode: string; baseAddress: string; detailedAddress: string };
};

export type AdminOrder = { orderId: string; paidAt: string; ordererName: string; productOrders: AdminProductOrder[] };

export type NaverSandboxAdmin = {
  createOrders(input?: { count?: number; status?: 'paid' | 'confirmed'; paidAt?: string; recipient?: SandboxRecipient }): Promise<AdminOrder[]>;
  listOrders(): Promise<AdminOrder[]>;
  event(orderId: string, event: SandboxEvent, productOrderId?: string): Promise<AdminOrder>;
  addFaults(faults: Fault[]): Promise<void>;
  /** The faults still waiting, each with the answers it has left. */
  listFaults(): Promise<(Fault & { left: number })[]>;
  clearFaults(): Promise<void>;
  reset(): Promise<void>;
};

export function naverSandboxAdmin(url: string): NaverSandboxAdmin {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`sandbox ${method} ${path}: HTTP ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
  return {
    createOrders: async (input = {}) => (await call<{ orders: AdminOrder[] }>('POST', '/_sandbox/orders', input)).orders,
    listOrders: async () => (await call<{ orders: AdminOrder[] }>('GET', '/_sandbox/orders')).orders,
    event: async (orderId, event, productOrderId) =>
      (await call<{ order: AdminOrder }>('POST', `/_sandbox/orders/${orderId}/events`, { event, ...(productOrderId ? { productOrderId } : {}) }))
        .order,
    addFaults: async (faults) => void (await call('POST', '/_sandbox/faults', { faults })),
    listFaults: async () => (await call<{ faults: (Fault & { left: number })[] }>('GET', '/_sandbox/faults')).faults,
    clearFaults: async () => void (await call('DELETE', '/_sandbox/faults')),
    reset: async () => void (await call('POST', '/_sandbox/reset')),
  };
}
