// Shared by the benchmarks: a fresh server on a temp SQLite file, timing, and the one JSON line each prints.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import knexFactory from 'knex';
import { loadConfig } from '../server/config.ts';
import { compress } from '../server/http/security.ts';
import { startServer, type Started } from '../server/start.ts';

export const BENCH_ADMIN_PASSWORD = 'bench-admin-password';

/**
 * A fresh server: on a temp SQLite file, or, given a PostgreSQL URL, in a fresh schema of that database (dropped
 * on close).
 */
export async function benchServer(options: { databaseUrl?: string | undefined } = {}): Promise<Started & { token: string; dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-bench-'));
  const pgSchema = options.databaseUrl ? `bench_${randomBytes(6).toString('hex')}` : undefined;
  const admin = () => knexFactory({ client: 'pg', connection: options.databaseUrl });
  if (pgSchema) {
    const db = admin();
    await db.raw(`create schema ${pgSchema}`);
    await db.destroy();
  }
  const started = await startServer(
    loadConfig({
      PORT: '0',
      SHIPSHEET_DATA_DIR: dataDir,
      SHIPSHEET_ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD,
      SHIPSHEET_COLLECT_EVERY_MINUTES: '0',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    }),
    pgSchema ? { db: { pgSchema } } : {},
  );
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
      if (pgSchema) {
        const db = admin();
        await db.raw(`drop schema ${pgSchema} cascade`);
        await db.destroy();
      }
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

/** POSTs a JSON body, already a string (the benches report its size), with the bench admin's token. */
export function postJson(s: { url: string; token: string }, path: string, body: string): Promise<Response> {
  return fetch(`${s.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
    body,
  });
}

/**
 * A distinct 12-digit CJ-style tracking number for row `i` of run `run`: `first` + run × 1,000,000 + i, then the
 * mod-7 check digit, so the server's number check passes every one.
 */
export function trackingNumber(first: number, run: number, i: number): string {
  const base = String(first + run * 1_000_000 + i);
  return base + String(Number(BigInt(base) % 7n));
}

export function report(fields: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify(fields) + '\n');
}

/**
 * A TCP relay in front of a server that counts the bytes the server sends back (headers and body as they travel,
 * compressed when the client asked for it): clients talk to `url` instead of the server's own.
 */
export async function wireCounter(target: string): Promise<{ url: string; bytes(): number; reset(): void; close(): Promise<void> }> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<net.Socket>();
  let received = 0;
  const relay = net.createServer((client) => {
    const upstream = net.connect(Number(port), hostname.replace(/^\[|\]$/g, ''));
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    upstream.on('data', (chunk: Buffer) => (received += chunk.length));
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const address = relay.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    bytes: () => received,
    reset: () => void (received = 0),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => relay.close(() => resolve()));
    },
  };
}

/**
 * The HTTP floor of a bulk call: `body` posted and `answer` answered through Express with the server's compression and
 * a JSON parser, and nothing else (no auth, validation, database or work), the client reading the answer as JSON as
 * the bench does. What no design that answers every item over HTTP can go below; median of five after a warm-up.
 */
export async function httpFloor(body: string, answer: string): Promise<number> {
  const app = express();
  app.use(compress());
  app.use(express.json({ limit: '20mb' }));
  app.post('/floor', (req, res) => {
    if (typeof req.body !== 'object' || req.body === null) throw new Error('no JSON body');
    res.type('json').send(answer);
  });
  const server = await new Promise<http.Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/floor`;
  try {
    const runs: number[] = [];
    for (let i = 0; i < 6; i++) {
      const { seconds: s } = await seconds(async () => {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        return res.json();
      });
      if (i > 0) runs.push(s);
    }
    return median(runs);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
