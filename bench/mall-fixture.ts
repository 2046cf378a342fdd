// A Naver sandbox with many waiting orders and an account of the bench server connected to it, plus the
// connector's own HTTP client for baselines that fetch or send the same pages without any processing.
import bcrypt from 'bcryptjs';
import { DEFAULT_RETRY } from '../server/connectors/http.ts';
import { createNaverClient, type NaverClient } from '../server/connectors/naver/client.ts';
import { createTokenSource } from '../server/connectors/naver/token.ts';
import { createMallAccount } from '../server/modules/mall-accounts/mall-accounts.service.ts';
import { startNaverSandbox, type NaverSandbox } from '../server/sandbox/naver/naver.sandbox.ts';
import type { AppDeps } from '../server/deps.ts';

export async function naverWithOrders(
  deps: AppDeps,
  orders: number,
  seed: number,
): Promise<{ sandbox: NaverSandbox; accountId: string; client: NaverClient }> {
  const clientId = `bench${seed}`;
  const clientSecret = bcrypt.genSaltSync(4).replace(/^\$2b\$/, '$2a$');
  const sandbox = await startNaverSandbox({ clientId, clientSecret, seed });
  // Created in slices: one admin call per 1,000 orders.
  for (let made = 0; made < orders; made += 1000) {
    const res = await fetch(`${sandbox.url}/_sandbox/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ count: Math.min(1000, orders - made) }),
    });
    if (!res.ok) throw new Error(`sandbox orders: ${res.status} ${await res.text()}`);
  }
  const account = await createMallAccount(
    deps,
    { type: 'system', id: null },
    {
      mall_type: 'naver',
      display_name: `bench ${seed}`,
      base_url: sandbox.url,
      credentials: { client_id: clientId, client_secret: clientSecret },
      collect_enabled: true,
    },
    { requestId: 'bench', ip: undefined },
  );
  const tokens = createTokenSource({ baseUrl: sandbox.url, clientId, clientSecret, retry: DEFAULT_RETRY, now: () => new Date() });
  return { sandbox, accountId: account.id, client: createNaverClient(sandbox.url, tokens, DEFAULT_RETRY) };
}
