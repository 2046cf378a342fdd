// The malls ShipSheet connects to, and the credentials each needs. Names are what operators see.
import { z } from 'zod';
import type { MessageText } from './i18n.ts';

export const MALL_TYPES = ['coupang', 'naver', 'cafe24'] as const;
export type MallType = (typeof MALL_TYPES)[number];

export const MALL_NAMES: Record<MallType, MessageText> = {
  coupang: { ko: '쿠팡', en: 'Coupang' },
  naver: { ko: '네이버 스마트스토어', en: 'Naver SmartStore' },
  cafe24: { ko: '카페24', en: 'Cafe24' },
};

/** Where a seller does by hand what a mall's API cannot: each mall's seller center, as sellers call it. */
export const SELLER_CENTER_NAMES: Record<MallType, MessageText> = {
  coupang: { ko: 'WING', en: 'WING' },
  naver: { ko: '스마트스토어센터', en: 'SmartStore Center' },
  cafe24: { ko: '카페24 쇼핑몰 관리자', en: 'the Cafe24 admin' },
};

/**
 * Malls that take a tracking number per shipment of theirs, for all its items at once: Coupang's invoice upload
 * needs every item (vendorItemId) of a shipmentBoxId in the same call, or answers NOT_FOUND_VENDOR_ITEM
 * (mall-apis.md §1.5). Its split shipping is not supported here, so such a shipment ships in one of our boxes.
 */
export const WHOLE_SHIPMENT_MALLS: readonly MallType[] = ['coupang'];

/** Credentials per mall (reference/mall-apis.md §1.1, §2.1, §3). Secrets are stored encrypted and never returned. */
export const MALL_CREDENTIALS = {
  coupang: z.object({
    vendor_id: z.string().trim().min(1).max(20),
    access_key: z.string().trim().min(1).max(100),
    secret_key: z.string().trim().min(1).max(200),
  }),
  naver: z.object({
    client_id: z.string().trim().min(1).max(100),
    client_secret: z.string().trim().min(1).max(200),
  }),
  cafe24: z.object({
    mall_id: z.string().trim().min(1).max(50),
    client_id: z.string().trim().min(1).max(100),
    client_secret: z.string().trim().min(1).max(200),
    refresh_token: z.string().trim().max(500).optional(),
  }),
} satisfies Record<MallType, z.ZodType>;

const keep = (value: string, visible: number) => (value.length <= visible ? '*'.repeat(value.length) : value.slice(0, visible) + '****');

/** What an operator may see of stored credentials: the public identifier, and only the start of a key. */
export function credentialsHint(type: MallType, credentials: Record<string, string | undefined>): string {
  switch (type) {
    case 'coupang':
      return `vendor ${credentials.vendor_id} · key ${keep(credentials.access_key ?? '', 4)}`;
    case 'naver':
      return `client ${keep(credentials.client_id ?? '', 4)}`;
    case 'cafe24':
      return `mall ${credentials.mall_id} · client ${keep(credentials.client_id ?? '', 4)}`;
  }
}
