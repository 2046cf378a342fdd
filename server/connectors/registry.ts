// Which connector speaks to an account, and where: the account's own base URL (a sandbox), or the mall's.
import { AppError } from '../../shared/errors.ts';
import { defineMessages, message } from '../../shared/i18n.ts';
import { MALL_NAMES, type MallType } from '../../shared/malls.ts';
import { createCoupangConnector } from './coupang/coupang.connector.ts';
import type { RetryPolicy } from './http.ts';
import { createNaverConnector } from './naver/naver.connector.ts';
import type { MallConnector } from './types.ts';

export const PRODUCTION_BASE_URLS: Record<MallType, string> = {
  coupang: 'https://api-gateway.coupang.com',
  naver: 'https://api.commerce.naver.com/external',
  cafe24: 'https://{mall_id}.cafe24api.com',
};

const registryMessages = defineMessages('connectors', {
  unsupported: { ko: '{mall} 연동은 아직 지원하지 않습니다 (계정은 저장되어 있습니다)', en: '{mall} is not connected yet (the account is kept)' },
});

/** The malls a connector speaks to (createConnectorFactory): an account of another mall is kept, and not scheduled. */
export const CONNECTED_MALLS: ReadonlySet<string> = new Set<MallType>(['coupang', 'naver']);

/** `signal` stops the connector's calls (a canceled job): requests in flight end and retries are not waited for. */
export type ConnectorFactory = (
  account: { mall_type: string; base_url: string | null },
  credentials: Record<string, string>,
  options?: { signal?: AbortSignal },
) => MallConnector;

export function createConnectorFactory(retry?: RetryPolicy): ConnectorFactory {
  return (account, credentials, options = {}) => {
    const baseUrl = account.base_url ?? PRODUCTION_BASE_URLS[account.mall_type as MallType];
    switch (account.mall_type) {
      case 'coupang':
        return createCoupangConnector({
          baseUrl,
          credentials: { vendor_id: credentials.vendor_id!, access_key: credentials.access_key!, secret_key: credentials.secret_key! },
          ...(retry ? { retry } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
        });
      case 'naver':
        return createNaverConnector({
          baseUrl,
          credentials: { client_id: credentials.client_id!, client_secret: credentials.client_secret! },
          ...(retry ? { retry } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
        });
      default:
        throw new AppError(
          'conflict',
          'unsupported_mall',
          message(registryMessages.unsupported, { mall: MALL_NAMES[account.mall_type as MallType] ?? account.mall_type }),
        );
    }
  };
}
