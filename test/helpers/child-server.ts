// A ShipSheet server as its own process (`node --import tsx server/main.ts`, as `npm start` runs it), for tests
// that kill it with SIGKILL and start it again on the same data: a data folder, or a PostgreSQL schema given to
// the process through the connection string (options=-c search_path=…).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ADMIN_PASSWORD, type Api } from './server.ts';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

export type ChildServer = {
  url: string;
  process: ChildProcess;
  /** JSON over HTTP as the admin. */
  call(method: string, path: string, body?: unknown): Promise<Api>;
  /** kill -9: no shutdown code runs. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
};

/** The database URL that puts a server process in `schema`. */
export function urlWithSchema(databaseUrl: string, schema: string): string {
  const u = new URL(databaseUrl);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

export async function startChildServer(env: Record<string, string>): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      SHIPSHEET_ADMIN_PASSWORD: ADMIN_PASSWORD,
      SHIPSHEET_SANDBOX: 'off',
      SHIPSHEET_HTTPS: 'off',
      SHIPSHEET_COLLECT_EVERY_MINUTES: '0',
      LOG_LEVEL: 'warn',
      SHIPSHEET_VALIDATE_RESPONSES: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 30 s: ${err.slice(-2000)}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ShipSheet is running: (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before it started: ${err.slice(-2000)}`));
    });
  });

  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  const token = ((await login.json()) as { token: string }).token;
  return {
    url,
    process: child,
    async call(method, p, body) {
      const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'accept-language': 'en' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(url + p, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
