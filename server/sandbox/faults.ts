// Faults a test (or a curious user) can ask a sandbox mall to produce on its next requests: error statuses,
// slow answers, answers that never come, broken JSON, rate limiting, expired tokens.
import type { Request, Response } from 'express';

/** Which requests a fault answers: `count` of them, on `path`, whose body carries the text `carrying` (an id). */
type Target = { count?: number; path?: string; carrying?: string };

export type Fault =
  | ({ kind: 'status'; status: number; retryAfter?: number } & Target)
  | ({ kind: 'delay'; ms: number } & Target)
  | ({ kind: 'hang' } & Target)
  | ({ kind: 'malformed' } & Target)
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
    const fault = this.pending.find((f) => aims(f, req));
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

function aims(fault: Pending, req: Request): boolean {
  if (fault.kind === 'token_expiry') return true;
  if (fault.path && !req.path.includes(fault.path)) return false;
  if (!fault.carrying) return true;
  // The Coupang sandbox keeps bodies as text (read losslessly later), the Naver one parses them.
  const body = typeof req.body === 'string' ? req.body : JSON.stringify(req.body ?? null);
  return body.includes(fault.carrying);
}
