import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { spawnService } from '../server/src/platform/services/child';
import { getFreePort } from '../server/src/platform/services/ports';
import { SupervisedHealth, Supervisor } from '../server/src/platform/services/supervisor';
import { startTestApp, type TestApp, testServices } from './helpers/app';
import { waitFor } from './helpers/processes';

describe('GET /api/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers ok when the database and search are up', async () => {
    const res = await request(t.app.server).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: 'up', search: 'up' });
  });

  it('answers 503 naming search when Meilisearch is unreachable', async () => {
    const deadPort = await getFreePort();
    const broken = await startTestApp({}, { ...testServices(), meiliUrl: `http://127.0.0.1:${deadPort}` });
    try {
      const res = await request(broken.app.server).get('/api/health');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ status: 'error', db: 'up', search: 'down' });
    } finally {
      await broken.close();
    }
  });

  it('answers 503 naming the database when it is down', async () => {
    const other = await startTestApp();
    try {
      await Promise.all([other.workers.searchSync.stop(), other.workers.matcher.stop(), other.workers.outbox.stop()]);
      await other.ctx.db.connection.close();
      const res = await request(other.app.server).get('/api/health');
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ db: 'down', search: 'up' });
    } finally {
      await other.app.close();
    }
  });
});

describe('health while a supervised service restarts', () => {
  it('readiness names it at once and requests needing it answer 503 with Retry-After; liveness stays 200; all green once it is back', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-health-'));
    // A stand-in for the database process: the real supervisor, a real child, a long first back-off.
    const supervisor = new Supervisor(
      'stand-in',
      async () =>
        spawnService('stand-in', process.execPath, ['-e', 'setInterval(() => undefined, 1000)'], {
          cwd: dir,
          logFile: path.join(dir, 'stand-in.log'),
        }),
      { info: () => undefined, warn: () => undefined, error: () => undefined },
      { initialDelayMs: 3000, maxDelayMs: 3000, stableAfterMs: 60_000, maxAttempts: 3 },
    );
    const health = new SupervisedHealth();
    const child = await supervisor.start();
    health.watch('db', supervisor);
    // The run's services, with this health view passed on to buildContext like main.ts passes the real one.
    const services = { ...testServices(), health };
    const t = await startTestApp({}, services);
    try {
      const owner = await request(t.app.server)
        .post('/api/auth/register')
        .send({
          email: 'sv@example.vn',
          password: 'MatKhau2026',
          name: 'Khởi động lại',
          organization: { name: 'Công ty Khởi động lại', type: 'enterprise', province: 'HN' },
        });
      const me = () => request(t.app.server).get('/api/me').set('Authorization', `Bearer ${owner.body.accessToken}`);
      expect((await me()).status).toBe(200);

      process.kill(child.pid, 'SIGKILL');
      await waitFor(() => health.state('db') === 'restarting', 2000, 'the stand-in to be restarting');
      const t0 = Date.now();
      const ready = await request(t.app.server).get('/api/health/ready');
      const gated = await me();
      expect(Date.now() - t0).toBeLessThan(500);
      expect({ status: ready.status, body: ready.body }).toEqual({
        status: 503,
        body: { status: 'error', db: 'restarting', search: 'up' },
      });
      expect((await request(t.app.server).get('/api/health')).body.db).toBe('restarting');
      expect({ status: gated.status, retryAfter: gated.headers['retry-after'], body: gated.body }).toEqual({
        status: 503,
        retryAfter: '2',
        body: { error: { code: 'unavailable', message: 'The database is restarting, try again in a few seconds' } },
      });
      expect((await request(t.app.server).get('/api/health/live')).status).toBe(200);

      await waitFor(() => health.state('db') === 'up', 10_000, 'the stand-in to be back');
      expect((await request(t.app.server).get('/api/health/ready')).body).toEqual({
        status: 'ok',
        db: 'up',
        search: 'up',
      });
      expect((await me()).status).toBe(200);
    } finally {
      await t.close();
      await supervisor.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('errors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('404 in the contract shape for an unknown API route', async () => {
    const res = await request(t.app.server).get('/api/nope');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });

  it('431 in the contract shape for a URL over the header limit, and 400 for malformed HTTP', async () => {
    const long = await request(t.app.server).get(`/api/search?q=${'a'.repeat(20_000)}`);
    expect(long.status).toBe(431);
    expect(long.body.error.code).toBe('headers_too_large');
    const { port } = t.app.server.address() as AddressInfo;
    const raw = await new Promise<string>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => s.write('NOT HTTP AT ALL\r\n\r\n'));
      let out = '';
      s.on('data', (d) => {
        out += d.toString();
      });
      s.on('close', () => resolve(out));
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    expect(JSON.parse(raw.split('\r\n\r\n')[1]).error.code).toBe('bad_request');
  });

  it('400 for malformed JSON and 413 for an oversized body', async () => {
    const bad = await request(t.app.server)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email":');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_request');
    const big = await request(t.app.server)
      .post('/api/auth/login')
      .send({ email: 'a@b.vn', password: 'x'.repeat(2 * 1024 * 1024) });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
  });

  it('unknown errors become a 500 with a logged error id and no stack trace', async () => {
    // A closed database connection makes /api/me throw a driver error nobody anticipated.
    const other = await startTestApp();
    const login = await request(other.app.server)
      .post('/api/auth/register')
      .send({
        email: 'err@example.vn',
        password: 'MatKhau2026',
        name: 'Lỗi',
        organization: { name: 'Công ty Lỗi', type: 'enterprise', province: 'HN' },
      });
    const logged: unknown[] = [];
    other.ctx.log.error = ((obj: unknown) => {
      logged.push(obj);
    }) as typeof other.ctx.log.error;
    const original = other.models.User.findById.bind(other.models.User);
    let calls = 0;
    // First lookup (token check) works; the handler's own lookup fails unexpectedly.
    other.models.User.findById = ((...args: Parameters<typeof original>) => {
      calls += 1;
      if (calls === 2) throw new Error('disk on fire at /secret/path');
      return original(...args);
    }) as typeof original;
    try {
      const res = await request(other.app.server)
        .get('/api/me')
        .set('Authorization', `Bearer ${login.body.accessToken}`);
      expect(res.status).toBe(500);
      expect(res.body.error.code).toBe('internal');
      expect(res.body.error.errorId).toEqual(expect.any(String));
      expect(JSON.stringify(res.body)).not.toMatch(/disk on fire|secret|at /);
      expect(JSON.stringify(logged)).toContain(res.body.error.errorId);
    } finally {
      await other.close();
    }
  });
});

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const csp = (res: request.Response) =>
    Object.fromEntries(
      String(res.headers['content-security-policy'])
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );

  it('sends a strict Content-Security-Policy and the usual hardening headers', async () => {
    const res = await request(t.app.server).get('/api/health');
    const policy = csp(res);
    expect(policy['default-src']).toEqual(["'self'"]);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['style-src']).toEqual(["'self'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    expect(JSON.stringify(policy)).not.toMatch(/unsafe-(inline|eval)/);
    // Not behind TLS outside production: no upgrade, no HSTS.
    expect(policy['upgrade-insecure-requests']).toBeUndefined();
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('serves the API reference page under the same policy: scripts and styles from this origin only', async () => {
    const res = await request(t.app.server).get('/api/docs');
    expect(res.status).toBe(200);
    expect(res.text).not.toMatch(/<style/i);
    expect(csp(res)['style-src']).toEqual(["'self'"]);
    expect(csp(res)['script-src']).toEqual(["'self'"]);
  });

  it('upgrades requests and sends HSTS in production', async () => {
    const prod = await startTestApp({ production: true });
    try {
      const res = await request(prod.app.server).get('/api/health');
      expect(csp(res)['upgrade-insecure-requests']).toEqual([]);
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    } finally {
      await prod.close();
    }
  });
});
