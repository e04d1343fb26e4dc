import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { getFreePort } from '../server/src/platform/services/ports';
import { linkIn, Mailbox } from './helpers/mailbox';
import { pidsMentioning, repoRoot, spawnTs, waitFor, waitForReady } from './helpers/processes';

const main = path.join(repoRoot, 'server/src/main.ts');

describe('the app as `npm start` runs it', () => {
  jest.setTimeout(180_000);

  it('starts its services (the mail catcher too, named in the banner), seeds the demo accounts, serves the API, and leaves nothing behind on Ctrl-C', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-start-'));
    const port = await getFreePort();
    const app = spawnTs(main, [], {
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
    });
    const base = `http://127.0.0.1:${port}`;
    try {
      await waitForReady(base, 120_000, `the app to answer on ${base}:\n${app.output()}`);
      expect(app.output()).toContain(`http://localhost:${port}`);
      expect(app.output()).toContain('doanhnghiep@demo.vn');
      expect(await (await fetch(`${base}/api/health`)).json()).toEqual({ status: 'ok', db: 'up', search: 'up' });

      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'doanhnghiep@demo.vn', password: 'TechBridge@2026' }),
      });
      expect(login.status).toBe(200);
      const { accessToken } = (await login.json()) as { accessToken: string };
      const me = await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${accessToken}` } });
      const body = (await me.json()) as { organization: { type: string; verified: boolean } };
      expect(body.organization).toMatchObject({ type: 'enterprise', verified: true });
      // FerretDB or mongod, Meilisearch and MailDev, each with its watchdog.
      expect(pidsMentioning(dataDir).length).toBeGreaterThanOrEqual(3);

      // The banner names the mail catcher; a registration's verification mail is there, in its API and web page.
      expect(app.output()).toMatch(/Mail: http:\/\/localhost:\d+/);
      const mailbox = Mailbox.fromBanner(app.output());
      // Its web page, as a browser asks for it (MailDev answers the page to requests accepting HTML).
      const page = await fetch(mailbox.url, { headers: { accept: 'text/html' } });
      expect({ status: page.status, type: page.headers.get('content-type') }).toEqual({
        status: 200,
        type: expect.stringContaining('text/html'),
      });
      const email = `start-${Date.now()}@example.vn`;
      const registered = await fetch(`${base}/api/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email,
          password: 'MatKhau2026',
          name: 'Người khởi động',
          organization: { name: 'Công ty khởi động', type: 'enterprise', province: 'HN' },
        }),
      });
      expect(registered.status).toBe(201);
      const mail = await mailbox.waitFor(email, /verify-email/);
      expect(linkIn(mail, '/verify-email').origin).toBe(`http://localhost:${port}`);
    } finally {
      app.kill('SIGINT');
    }
    const code = await new Promise<number | null>((resolve) => app.once('exit', resolve));
    expect(code).toBe(0);
    await waitFor(() => pidsMentioning(dataDir).length === 0, 10_000, 'every service to stop');
  });

  it('fails clearly when the port is taken, and starts nothing', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-start-'));
    const blocker = net.createServer();
    const port = await getFreePort();
    await new Promise<void>((resolve) => blocker.listen(port, resolve));
    try {
      const app = spawnTs(main, [], { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info' });
      const code = await new Promise<number | null>((resolve) => app.once('exit', resolve));
      expect(code).toBe(1);
      expect(app.output()).toContain(`Port ${port} is already in use`);
      expect(pidsMentioning(dataDir)).toEqual([]);
    } finally {
      blocker.close();
    }
  });

  it('refuses to start in production without the required settings, listing each', async () => {
    const app = spawnTs(main, [], { NODE_ENV: 'production', MONGODB_URI: '', MEILI_URL: '', JWT_SECRET: '' });
    const code = await new Promise<number | null>((resolve) => app.once('exit', resolve));
    expect(code).toBe(1);
    for (const name of ['MONGODB_URI', 'MEILI_URL', 'JWT_SECRET']) expect(app.output()).toContain(name);
  });
});
