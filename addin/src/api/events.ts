// The pane's server-sent event stream. A browser's EventSource cannot send an Authorization header, and a bearer
// token must not go into a URL, so each connection asks for a single-use stream ticket first. EventSource would
// reconnect with the same (used) ticket, so reconnecting is done here with a fresh one; when the server ends the
// stream because the session ended (`end`), or the session is no longer accepted (401/403), it stays closed.
import { streamTicket } from './auth.ts';
import { ApiError, type Api } from './client.ts';

const RECONNECT_MS = 3000;

export type StreamHooks = {
  /** The stream is (re)connected: what happened while it was not is not sent again, so read it now. */
  onOpen?: () => void;
  /** The stream ended for good (the session ended or is refused); not called when the caller stops it. */
  onClosed?: () => void;
};

export function openEvents(api: Api, path: string, listeners: Record<string, (data: string) => void>, hooks: StreamHooks = {}): () => void {
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
  };
  const end = () => {
    if (stopped) return;
    stop();
    hooks.onClosed?.();
  };
  const retry = () => {
    if (!stopped) timer = setTimeout(connect, RECONNECT_MS);
  };
  async function connect() {
    let ticket: string;
    try {
      ticket = (await streamTicket(api)).ticket;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) end();
      else retry();
      return;
    }
    if (stopped) return;
    source = new EventSource(`${path}${path.includes('?') ? '&' : '?'}ticket=${encodeURIComponent(ticket)}`);
    for (const [name, listener] of Object.entries(listeners)) source.addEventListener(name, (e) => listener((e as MessageEvent<string>).data));
    source.addEventListener('end', end);
    source.onopen = () => hooks.onOpen?.();
    source.onerror = () => {
      source?.close();
      retry();
    };
  }
  void connect();
  return stop;
}
