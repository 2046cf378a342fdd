// The sandbox's OAuth2 endpoint (mall-apis.md §2.1): recomputes client_secret_sign with bcrypt and compares,
// accepts timestamps within 5 minutes, and issues tokens that later calls must present. As at Naver, asking
// again returns the same token while enough of its life remains; a `token_expiry` fault revokes every token.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import bcrypt from 'bcryptjs';
import type { Request, Response } from 'express';
import { sendError } from './envelope.ts';
import type { NaverStore } from './store.ts';

const TIMESTAMP_WINDOW_MS = 5 * 60_000;

type Issued = { token: string; key: string; clientId: string; expiresAt: number; revoked: boolean };

export class TokenIssuer {
  private readonly byToken = new Map<string, Issued>();
  private readonly current = new Map<string, Issued>();

  constructor(
    private readonly clientId: string,
    private readonly clientSecret: string,
    private readonly ttlSeconds: number,
  ) {}

  /** Naver re-issues the same token while ≥ 30 min of its 3 h remain; short test lifetimes scale that down. */
  private get reuseMs(): number {
    return Math.min(1800, this.ttlSeconds / 6) * 1000;
  }

  issue(key: string, now = Date.now()): Issued {
    const existing = this.current.get(key);
    if (existing && !existing.revoked && existing.expiresAt - now >= this.reuseMs) return existing;
    const issued: Issued = {
      token: randomBytes(24).toString('base64url'),
      key,
      clientId: this.clientId,
      expiresAt: now + this.ttlSeconds * 1000,
      revoked: false,
    };
    this.byToken.set(issued.token, issued);
    this.current.set(key, issued);
    return issued;
  }

  /** The caller's application when the token is live, else null. */
  check(token: string, now = Date.now()): string | null {
    const issued = this.byToken.get(token);
    return issued && !issued.revoked && now < issued.expiresAt ? issued.clientId : null;
  }

  expireAll(): void {
    for (const issued of this.byToken.values()) issued.revoked = true;
  }

  async signatureMatches(clientId: string, timestamp: string, sign: string): Promise<boolean> {
    const expected = Buffer.from(Buffer.from(await bcrypt.hash(`${clientId}_${timestamp}`, this.clientSecret)).toString('base64'));
    const given = Buffer.from(sign);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  handler(store: NaverStore) {
    return async (req: Request, res: Response): Promise<void> => {
      store.tokenRequests += 1;
      // Form body as documented; some clients send the same fields as a query string (§2.1): accept both.
      const params: Record<string, unknown> = {
        ...(req.query as Record<string, unknown>),
        ...((req.body as Record<string, unknown> | undefined) ?? {}),
      };
      const field = (name: string) => (typeof params[name] === 'string' ? (params[name] as string) : '');
      const clientId = field('client_id');
      const timestamp = field('timestamp');
      const type = field('type') || 'SELF';
      if (field('grant_type') !== 'client_credentials') return sendError(res, 400, 'GW.AUTHN', 'grant_type은 client_credentials여야 합니다.');
      if (type !== 'SELF' && type !== 'SELLER') return sendError(res, 400, 'GW.AUTHN', 'type은 SELF 또는 SELLER여야 합니다.');
      if (type === 'SELLER' && !field('account_id')) return sendError(res, 400, 'GW.AUTHN', 'SELLER 토큰에는 account_id가 필요합니다.');
      if (clientId !== this.clientId) return sendError(res, 401, 'GW.AUTHN', '등록되지 않은 client_id입니다.');
      const ts = /^\d{13}$/.test(timestamp) ? Number(timestamp) : NaN;
      if (!Number.isFinite(ts) || Math.abs(Date.now() - ts) > TIMESTAMP_WINDOW_MS) {
        return sendError(res, 401, 'GW.AUTHN', 'timestamp가 유효 범위(5분)를 벗어났습니다.');
      }
      if (!(await this.signatureMatches(clientId, timestamp, field('client_secret_sign')))) {
        return sendError(res, 401, 'GW.AUTHN', '전자서명(client_secret_sign)이 올바르지 않습니다.');
      }
      const issued = this.issue(type === 'SELLER' ? `SELLER:${field('account_id')}` : 'SELF');
      res
        .status(200)
        .json({ access_token: issued.token, expires_in: Math.max(1, Math.floor((issued.expiresAt - Date.now()) / 1000)), token_type: 'Bearer' });
    };
  }
}
