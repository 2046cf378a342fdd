// Job progress inside one server process, for the server-sent events route: a job publishes, listeners stream.
import { EventEmitter } from 'node:events';
import type { JobRow } from './jobs.repo.ts';

export type JobEvent = { type: 'job'; job: Pick<JobRow, 'id' | 'type' | 'mall_account_id' | 'state' | 'total' | 'ok' | 'failed' | 'skipped' | 'error' | 'finished_at'> };

export class JobEvents extends EventEmitter<{ job: [JobEvent] }> {
  constructor() {
    super();
    // One listener per open event stream: many panes may be open at once.
    this.setMaxListeners(0);
  }

  publish(job: JobEvent['job']): void {
    this.emit('job', { type: 'job', job });
  }
}
