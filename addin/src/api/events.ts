// The pane's server-sent event stream. A browser's EventSource cannot send an Authorization header, and a bearer
// token must not go into a URL, so each connection asks for a single-use stream ticket first. EventSource would
// reconnect with the same (used) ticket, so reconnecting is done here with a fresh one; when the server ends the
// stream because the session ended (`end`), or the session is no longer accepted (401/403), it stays closed.
import { ApiError, type Api } from './client.ts';

const RECONNECT_MS = 3000;

export function openEvents(api: Api, path: string, listeners: Record<string, (data: string) => void>): () => void {
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
  };
  const retry = () => {
    if (!stopped) timer = setTimeout(connect, RECONNECT_MS);
  };
  async function connect() {
    let ticket: string;
    try {
      ticket = (await api.call<{ ticket: string }>('POST', '/api/auth/stream-ticket')).ticket;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) stop();
      else retry();
      return;
    }
    if (stopped) return;
    source = new EventSource(`${path}${path.includes('?') ? '&' : '?'}ticket=${encodeURIComponent(ticket)}`);
    for (const [name, listener] of Object.entries(listeners)) source.addEventListener(name, (e) => listener((e as MessageEvent<string>).data));
    source.addEventListener('end', stop);
    source.onerror = () => {
      source?.close();
      retry();
    };
  }
  void connect();
  return stop;
}
