// Job progress for the server-sent events route, and cancel requests, across server instances. A job publishes;
// listeners of this process hear it at once. On PostgreSQL with several instances, every message also goes
// through the schema's LISTEN/NOTIFY channel (db/pg-channel.ts), so a pane connected to another instance hears
// the job, and a cancel sent to any instance reaches the one running it. On SQLite (one process) it stays in
// process.
import { EventEmitter } from 'node:events';
import { MAX_PAYLOAD_BYTES, type PgChannel } from '../db/pg-channel.ts';
import type { Logger } from '../log.ts';
import { clipText } from '../../shared/i18n.ts';
import type { JobRow } from './jobs.repo.ts';

export type JobEvent = {
  type: 'job';
  /** One object per event, shared by every stream: the edge serialises it once per language (http/render.ts). */
  job: Pick<JobRow, 'id' | 'type' | 'mall_account_id' | 'state' | 'total' | 'ok' | 'failed' | 'skipped' | 'error' | 'finished_at'>;
};

const jobEvent = (job: JobEvent['job']): JobEvent => ({ type: 'job', job });

type Message = { from: string } & ({ kind: 'job'; job: JobEvent['job'] } | { kind: 'cancel'; id: string });

export class JobEvents extends EventEmitter<{ job: [JobEvent]; cancel: [string] }> {
  private channel: PgChannel | null = null;
  private instanceId = '';
  private log: Logger | null = null;

  constructor() {
    super();
    // One listener per open event stream: many panes may be open at once.
    this.setMaxListeners(0);
  }

  /** Joins the other instances on PostgreSQL: messages from them are emitted here as if local. */
  connect(channel: PgChannel, instanceId: string, log: Logger): void {
    this.channel = channel;
    this.instanceId = instanceId;
    this.log = log;
    channel.onMessage((payload) => {
      let message: Message;
      try {
        message = JSON.parse(payload) as Message;
      } catch {
        return;
      }
      if (message.from === instanceId) return; // heard locally already
      if (message.kind === 'job') this.emit('job', jobEvent(message.job));
      else if (message.kind === 'cancel') this.emit('cancel', message.id);
    });
  }

  publish(job: JobEvent['job']): void {
    this.emit('job', jobEvent(job));
    this.send({ from: this.instanceId, kind: 'job', job: fit(job) });
  }

  /** Asks every instance to stop the job (the one running it does); the local runner is asked through `cancel`. */
  requestCancel(jobId: string): void {
    this.emit('cancel', jobId);
    this.send({ from: this.instanceId, kind: 'cancel', id: jobId });
  }

  private send(message: Message): void {
    this.channel?.notify(JSON.stringify(message)).catch((error) => this.log?.warn('job message not sent to other instances', { error }));
  }
}

/**
 * Keeps a NOTIFY payload under PostgreSQL's limit: only the error text (or a Message's parameters, e.g. the mall's
 * words) can be long. Characters are counted as up to 3 bytes (Korean in UTF-8).
 */
function fit(job: JobEvent['job']): JobEvent['job'] {
  const size = Buffer.byteLength(JSON.stringify(job));
  if (size <= MAX_PAYLOAD_BYTES - 200 || !job.error) return job;
  const rest = size - Buffer.byteLength(JSON.stringify(job.error));
  return { ...job, error: clipText(job.error, Math.max(0, Math.floor((MAX_PAYLOAD_BYTES - 400 - rest) / 3))) };
}
