// Shared by the benchmarks: a fresh server on a temp SQLite file, timing, and the one JSON line each prints.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/config.ts';
import { startServer, type Started } from '../server/start.ts';

export const BENCH_ADMIN_PASSWORD = 'bench-admin-password';

export async function benchServer(): Promise<Started & { token: string; dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-bench-'));
  const started = await startServer(loadConfig({ PORT: '0', SHIPSHEET_DATA_DIR: dataDir, SHIPSHEET_ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD, SHIPSHEET_COLLECT_EVERY_MINUTES: '0', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' }));
  const res = await fetch(`${started.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: BENCH_ADMIN_PASSWORD }),
  });
  const { token } = (await res.json()) as { token: string };
  return {
    ...started,
    token,
    dataDir,
    async close() {
      await started.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function seconds<T>(work: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const start = process.hrtime.bigint();
  const result = await work();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, result };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export const round = (n: number, digits = 3) => Number(n.toFixed(digits));

export function report(fields: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify(fields) + '\n');
}
