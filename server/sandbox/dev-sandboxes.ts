// What `npm start` shows a new user without any mall credentials: a Coupang and a Naver sandbox mall on loopback,
// each with sample orders waiting, and one connected account for each, collected right away. The accounts keep
// their (generated) credentials in the database, so a restart reconnects to sandboxes started with the same keys.
// A fresh database also gets a sample catalogue of the sandbox products (sample-catalogue.ts), so the orders arrive
// unmatched and can be matched.
import { randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';
import type { MallType } from '../../shared/malls.ts';
import type { AppDeps } from '../deps.ts';
import { listMallAccounts, updateMallAccount } from '../modules/mall-accounts/mall-accounts.repo.ts';
import { createMallAccount, readCredentials } from '../modules/mall-accounts/mall-accounts.service.ts';
import { startCoupangSandbox } from './coupang/coupang.sandbox.ts';
import { startNaverSandbox } from './naver/naver.sandbox.ts';
import { ensureSampleCatalogue } from './sample-catalogue.ts';

export type DevSandboxes = { accounts: { id: string; mall_type: MallType; url: string }[]; close(): Promise<void> };

const NAMES: Record<'coupang' | 'naver', string> = { coupang: '쿠팡 (샌드박스)', naver: '스마트스토어 (샌드박스)' };

function newCredentials(type: 'coupang' | 'naver'): Record<string, string> {
  if (type === 'coupang') {
    return { vendor_id: 'A00012345', access_key: randomBytes(16).toString('hex'), secret_key: randomBytes(24).toString('hex') };
  }
  // Naver issues its client secret as a bcrypt salt (mall-apis.md §2.1); cost 4 like the real ones.
  return { client_id: `sandbox${randomBytes(6).toString('hex')}`, client_secret: bcrypt.genSaltSync(4).replace(/^\$2b\$/, '$2a$') };
}

export async function startDevSandboxes(deps: AppDeps, options: { initialOrders?: number } = {}): Promise<DevSandboxes> {
  const system = { type: 'system', id: null } as const;
  // Its first SKU matches or flags the orders already waiting, as an operator's first SKU does (saveSku).
  const skus = await ensureSampleCatalogue(deps.db);
  if (skus) deps.log.info('sample catalogue made', { skus });
  const existing = (await listMallAccounts(deps.db)).filter((a) => a.is_sandbox);
  const started: { close(): Promise<void> }[] = [];
  const accounts: DevSandboxes['accounts'] = [];
  for (const type of ['coupang', 'naver'] as const) {
    const accountId =
      existing.find((a) => a.mall_type === type)?.id ??
      (
        await createMallAccount(
          deps,
          system,
          { mall_type: type, display_name: NAMES[type], credentials: newCredentials(type), is_sandbox: true },
          { requestId: 'startup', ip: undefined },
        )
      ).id;
    const credentials = await readCredentials(deps, accountId);
    const seed = type === 'coupang' ? 11 : 22;
    // The same sample orders at every start (collected once); orders made later get ids no earlier start made.
    const laterSeed = Date.now() % 2 ** 31;
    const sandbox =
      type === 'coupang'
        ? await startCoupangSandbox({
            vendorId: credentials.vendor_id!,
            accessKey: credentials.access_key!,
            secretKey: credentials.secret_key!,
            seed,
            laterSeed,
            initialOrders: options.initialOrders ?? 30,
          })
        : await startNaverSandbox({
            clientId: credentials.client_id!,
            clientSecret: credentials.client_secret!,
            seed,
            laterSeed,
            initialOrders: options.initialOrders ?? 30,
          });
    started.push(sandbox);
    // A sandbox listens on a new port each start; the account follows it.
    await updateMallAccount(deps.db, accountId, { base_url: sandbox.url, status: 'normal', last_error: null, updated_at: new Date().toISOString() });
    accounts.push({ id: accountId, mall_type: type, url: sandbox.url });
  }
  return {
    accounts,
    async close() {
      await Promise.all(started.map((s) => s.close()));
    },
  };
}
