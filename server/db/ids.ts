// Text ids with a type prefix (ord_, lin_, box_ …), readable in sheets and logs. They sort in creation order
// within a process (time, then a counter), which keyset paging relies on; the random tail keeps two server
// instances from colliding.
import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

// The random tails are cut from a pool filled a few thousand ids at a time: one randomBytes call per id cost a
// 10,000-order collect (23,000 ids) about 60 ms on its own.
const TAIL_BYTES = 3;
const POOL_BYTES = TAIL_BYTES * 4096;
let pool = Buffer.alloc(0);
let poolAt = 0;

function randomTail(): string {
  if (poolAt + TAIL_BYTES > pool.length) {
    pool = randomBytes(POOL_BYTES);
    poolAt = 0;
  }
  const tail = pool.toString('hex', poolAt, poolAt + TAIL_BYTES);
  poolAt += TAIL_BYTES;
  return tail;
}

/** lastMs in base 36, made once per millisecond: a bulk call makes thousands of ids in the same one. */
let lastTime = '';

export function newId(prefix: string): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
    lastTime = lastMs.toString(36).padStart(9, '0');
  } else {
    counter++;
  }
  const seq = counter.toString(36).padStart(4, '0');
  return `${prefix}_${lastTime}${seq}${randomTail()}`;
}

export const ID_PREFIX = {
  user: 'usr',
  token: 'tok',
  mallAccount: 'acc',
  order: 'ord',
  line: 'lin',
  box: 'box',
  claim: 'clm',
  batch: 'bat',
  upload: 'upl',
  sku: 'sku',
  warehouse: 'wh',
  /** One stock transfer: both its history rows carry it. */
  transfer: 'trf',
  match: 'mat',
  giftRule: 'gft',
  job: 'job',
  invoiceImport: 'imp',
  fileTemplate: 'tpl',
  trackingBand: 'bnd',
} as const;
