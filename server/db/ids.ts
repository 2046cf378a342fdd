// Text ids with a type prefix (ord_, lin_, box_ …), readable in sheets and logs. They sort in creation order
// within a process (time, then a counter), which keyset paging relies on; the random tail keeps two server
// instances from colliding.
import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

export function newId(prefix: string): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else {
    counter++;
  }
  const time = lastMs.toString(36).padStart(9, '0');
  const seq = counter.toString(36).padStart(4, '0');
  const tail = randomBytes(3).toString('hex');
  return `${prefix}_${time}${seq}${tail}`;
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
} as const;
