import crypto from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { io } from 'socket.io-client';
import { buildContext, type Workers } from '../../server/src/boot';
import type { AppContext } from '../../server/src/context';
import { apiRoutes, socketHandlers } from '../../server/src/modules';
import { type Config, loadConfig } from '../../server/src/platform/config';
import { type App, createApp } from '../../server/src/platform/http/app';
import { defaultCacheDir, type Services, startServices } from '../../server/src/platform/services';

export interface BenchApp {
  ctx: AppContext;
  workers: Workers;
  app: App;
  url: string;
  services: Services;
  close(): Promise<void>;
}

/**
 * A real app for benchmarks: its own services in a throwaway directory (or
 * MONGODB_URI / MEILI_URL), demo accounts and listings seeded through the
 * normal write paths.
 */
export async function startBenchApp(overrides: Partial<Config> = {}): Promise<BenchApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-bench-'));
  const quiet = { info: () => undefined, warn: (m: string) => console.warn(m), error: (m: string) => console.error(m) };
  const services = await startServices({
    dataDir,
    cacheDir: process.env.CACHE_DIR ?? defaultCacheDir,
    mongodbUri: process.env.MONGODB_URI,
    meiliUrl: process.env.MEILI_URL,
    meiliMasterKey: process.env.MEILI_MASTER_KEY,
    log: quiet,
  });
  const config: Config = {
    ...loadConfig({ NODE_ENV: 'test' }),
    dataDir,
    mongodbDb: `bench_${crypto.randomBytes(3).toString('hex')}`,
    meiliIndexPrefix: `bench_${crypto.randomBytes(3).toString('hex')}_`,
    seedDemo: true,
    rateLimits: { login: 1e6, register: 1e6, refresh: 1e6, search: 1e9, message: 1e9, create: 1e9, mail: 1e9 },
    ...overrides,
  };
  const runtime = await buildContext(config, pino({ level: 'warn' }), services);
  await runtime.seeded;
  const { ctx, workers } = runtime;
  const app = createApp(ctx, apiRoutes, socketHandlers);
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const { port } = app.server.address() as AddressInfo;
  return {
    ctx,
    workers,
    app,
    url: `http://127.0.0.1:${port}`,
    services,
    async close() {
      await app.close();
      await ctx.db.connection.dropDatabase().catch(() => undefined);
      await runtime.shutdown();
      await services.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export interface LatencySummary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(samples: number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
    mean: round(sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1)),
  };
}

/** Writes a benchmark's results as JSON under bench-results/ and returns the path. */
export function writeResults(name: string, results: unknown): string {
  const dir = path.resolve(__dirname, '../../bench-results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}

export async function login(url: string, email: string, password = 'TechBridge@2026'): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login ${email} failed: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

export type Sock = ReturnType<typeof io>;

/** A Socket.IO client of the given user, once connected (websocket only, no reconnection). */
export function connectSocket(url: string, token: string): Promise<Sock> {
  const s = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

/** A deal between the demo enterprise and the demo institute (on one of the institute's offers), with both tokens. */
export async function openDemoDeal(url: string): Promise<{ enterprise: string; institute: string; dealId: string }> {
  const [enterprise, institute] = await Promise.all([login(url, 'doanhnghiep@demo.vn'), login(url, 'vien@demo.vn')]);
  const me = (await (await fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${institute}` } })).json()) as {
    organization: { id: string };
  };
  const search = (await (await fetch(`${url}/api/search?type=offer&limit=1&org=${me.organization.id}`)).json()) as {
    hits: { id: string }[];
  };
  const opened = await fetch(`${url}/api/deals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${enterprise}` },
    body: JSON.stringify({ offerId: search.hits[0].id }),
  });
  if (!opened.ok) throw new Error(`opening a deal failed: ${opened.status}`);
  const { data } = (await opened.json()) as { data: { id: string } };
  return { enterprise, institute, dealId: data.id };
}
