// Sandbox malls for job tests: started on loopback, with an account in the test server connected to each over
// real HTTP, the way `npm start` wires them.
import bcrypt from 'bcryptjs';
import { randomBytes } from 'node:crypto';
import { startCoupangSandbox, type CoupangSandbox } from '../../server/sandbox/coupang/coupang.sandbox.ts';
import { startNaverSandbox, type NaverSandbox } from '../../server/sandbox/naver/naver.sandbox.ts';
import type { SandboxRecipient } from '../../server/sandbox/admin-schema.ts';
import type { TestServer } from './server.ts';

export type MallFixture<S> = { sandbox: S; accountId: string; admin: SandboxAdmin };

export type SandboxAdmin = {
  createOrders(input?: { count?: number; status?: 'paid' | 'confirmed'; paidAt?: string; recipient?: SandboxRecipient }): Promise<any[]>;
  listOrders(): Promise<any[]>;
  event(orderId: string, event: string, extra?: Record<string, unknown>): Promise<any>;
  addFaults(faults: unknown[]): Promise<void>;
  listFaults(): Promise<any[]>;
  clearFaults(): Promise<void>;
};

export function sandboxAdmin(url: string): SandboxAdmin {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(url + path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`sandbox ${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  return {
    createOrders: async (input = {}) => (await call('POST', '/_sandbox/orders', input)).orders,
    listOrders: async () => (await call('GET', '/_sandbox/orders')).orders,
    event: async (orderId, event, extra = {}) => (await call('POST', `/_sandbox/orders/${orderId}/events`, { event, ...extra })).order,
    addFaults: async (faults) => void (await call('POST', '/_sandbox/faults', { faults })),
    listFaults: async () => (await call('GET', '/_sandbox/faults')).faults,
    clearFaults: async () => void (await call('DELETE', '/_sandbox/faults')),
  };
}

/** Anything that speaks to a ShipSheet API as the admin: a test server in this process, or a server process. */
export type ApiClient = Pick<TestServer, 'call'>;

async function connect(s: ApiClient, body: Record<string, unknown>): Promise<string> {
  const res = await s.call('POST', '/api/mall-accounts', body);
  if (res.status !== 201) throw new Error(`account: ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export async function naverMall(
  s: ApiClient,
  options: { initialOrders?: number; seed?: number; wrongSecret?: boolean } = {},
): Promise<MallFixture<NaverSandbox>> {
  const clientId = `test${randomBytes(4).toString('hex')}`;
  const clientSecret = bcrypt.genSaltSync(4).replace(/^\$2b\$/, '$2a$');
  const sandbox = await startNaverSandbox({ clientId, clientSecret, seed: options.seed ?? 7, initialOrders: options.initialOrders ?? 0 });
  const secret = options.wrongSecret ? bcrypt.genSaltSync(4).replace(/^\$2b\$/, '$2a$') : clientSecret;
  const accountId = await connect(s, {
    mall_type: 'naver',
    display_name: '스마트스토어',
    base_url: sandbox.url,
    credentials: { client_id: clientId, client_secret: secret },
  });
  return { sandbox, accountId, admin: sandboxAdmin(sandbox.url) };
}

export async function coupangMall(
  s: ApiClient,
  options: { initialOrders?: number; seed?: number; wrongSecret?: boolean } = {},
): Promise<MallFixture<CoupangSandbox>> {
  const accessKey = randomBytes(16).toString('hex');
  const secretKey = randomBytes(24).toString('hex');
  const sandbox = await startCoupangSandbox({
    vendorId: 'A00012345',
    accessKey,
    secretKey,
    seed: options.seed ?? 3,
    initialOrders: options.initialOrders ?? 0,
  });
  const accountId = await connect(s, {
    mall_type: 'coupang',
    display_name: '쿠팡',
    base_url: sandbox.url,
    credentials: { vendor_id: 'A00012345', access_key: accessKey, secret_key: options.wrongSecret ? 'wrong-secret' : secretKey },
  });
  return { sandbox, accountId, admin: sandboxAdmin(sandbox.url) };
}

/** Starts one job through the API and waits for it to end; returns the job and its results. */
export async function runJob(s: TestServer, type: string, accountId: string, extra: Record<string, unknown> = {}) {
  const res = await s.call('POST', '/api/jobs', { type, mall_account_ids: [accountId], ...extra });
  if (res.status !== 202 || !res.body.items[0].started) throw new Error(`job not started: ${JSON.stringify(res.body)}`);
  const id = res.body.items[0].job.id as string;
  await s.deps.runner.idle();
  const job = (await s.call('GET', `/api/jobs/${id}`)).body;
  const results = (await s.call('GET', `/api/jobs/${id}/results?limit=5000`)).body.items;
  return { job, results };
}

/** Every order released, numbered (CJ, numbers from `next`) and shipped through the API, as an operator would. */
export async function shipOrders(s: ApiClient, orders: readonly string[], next: () => string): Promise<void> {
  const fresh = async () => Promise.all(orders.map(async (id) => (await s.call('GET', `/api/orders/${id}`)).body as { id: string; version: number }));
  const act = async (body: Record<string, unknown>, items: (d: { id: string; version: number }) => Record<string, unknown>) => {
    const res = await s.call('POST', '/api/transitions', { ...body, items: (await fresh()).map(items) });
    if (res.body.refused) throw new Error(`${String(body.action)} refused: ${JSON.stringify(res.body.results)}`);
  };
  await act({ action: 'release' }, (d) => ({ id: d.id, version: d.version }));
  await act({ action: 'set_invoice', courier: 'CJ' }, (d) => ({ id: d.id, version: d.version, tracking_number: next() }));
  await act({ action: 'ship' }, (d) => ({ id: d.id, version: d.version }));
}

/** A mall's line as GET /api/order-lines answers it: the fields the mall tests read. */
export type MallLine = {
  line_id: string;
  line_version: number;
  order_id: string;
  order_version: number;
  mall_order_id: string;
  mall_line_id: string;
  mall_shipment_id: string | null;
  status: string;
};

/** Every line of a mall account (a download: it says why). */
export const mallLinesOf = async (s: ApiClient, accountId: string): Promise<MallLine[]> =>
  (await s.call('GET', `/api/order-lines?reason=shipping&mall_account_id=${accountId}&limit=10000`)).body.items;
