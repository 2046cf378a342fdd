// "Some session may have just ended" (sign-out, a revoked token, a user deactivated, demoted or given a new
// password), told to the open event streams of this server so they re-check their session at once instead of at
// their next periodic check. Other instances' streams find out at that periodic check. One channel per database
// handle, i.e. per server, so two servers in one process (tests) do not hear each other.
import { EventEmitter } from 'node:events';
import type { Db } from '../../db/knex.ts';

const channels = new WeakMap<Db, EventEmitter<{ changed: [] }>>();

export function sessionChanges(db: Db): EventEmitter<{ changed: [] }> {
  let channel = channels.get(db);
  if (!channel) {
    channel = new EventEmitter<{ changed: [] }>();
    // One listener per open stream.
    channel.setMaxListeners(0);
    channels.set(db, channel);
  }
  return channel;
}
