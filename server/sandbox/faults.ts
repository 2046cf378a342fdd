// Faults a test (or a curious user) can ask a sandbox mall to produce on its next requests: error statuses,
// slow answers, answers that never come, broken JSON, rate limiting, expired tokens.
import type { Request, Response } from 'express';

export type Fault =
  | { kind: 'status'; status: number; count?: number; path?: string; retryAfter?: number }
  | { kind: 'delay'; ms: number; count?: number; path?: string }
  | { kind: 'hang'; count?: number; path?: string }
  | { kind: 'malformed'; count?: number; path?: string }
  /** Every token issued so far stops working (Naver); signatures are unaffected. */
  | { kind: 'token_expiry' };

type Pending = Fault & { left: number };

export class FaultQueue {
  private pending: Pending[] = [];
  /** Counted for tests: how many requests each fault answered. */
  served = 0;

  add(faults: Fault[]): void {
    for (const f of faults) if (f.kind !== 'token_expiry') this.pending.push({ ...f, left: 'count' in f && f.count ? f.count : 1 });
  }

  clear(): void {
    this.pending = [];
  }

  /** The faults still waiting for requests, in the order they will answer, each with how many answers it has left. */
  list(): (Fault & { left: number })[] {
    return this.pending.map((f) => ({ ...f }));
  }

  /** Answers the request with a fault when one is due; returns true when it did (or will never answer). */
  async apply(req: Request, res: Response): Promise<boolean> {
    const fault = this.pending.find((f) => !('path' in f) || !f.path || req.path.includes(f.path));
    if (!fault) return false;
    fault.left--;
    if (fault.left <= 0) this.pending.splice(this.pending.indexOf(fault), 1);
    this.served++;
    switch (fault.kind) {
      case 'status':
        if (fault.retryAfter !== undefined) res.set('Retry-After', String(fault.retryAfter));
        res.status(fault.status).json({ code: String(fault.status), message: 'sandbox fault' });
        return true;
      case 'delay':
        await new Promise((resolve) => setTimeout(resolve, fault.ms));
        return false;
      case 'hang':
        // Never answers; the socket closes when the client gives up or the server stops.
        return true;
      case 'malformed':
        res.status(200).type('application/json').send('{"code":200,"data":[{"broken"');
        return true;
      default:
        return false;
    }
  }
}
