import jwt from 'jsonwebtoken';
import { io as connect, type Socket } from 'socket.io-client';
import { startTestApp, type TestApp } from './helpers/app';
import { buildOrg } from './helpers/factories';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

function tryConnect(auth: Record<string, unknown>): Promise<{ ok: boolean; error?: string; socket: Socket }> {
  const socket = connect(t.url, { auth, transports: ['websocket'], reconnection: false, timeout: 5000 });
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ ok: true, socket }));
    socket.once('connect_error', (err) => resolve({ ok: false, error: err.message, socket }));
  });
}

describe('Socket.IO handshake', () => {
  it('refuses a connection without a token', async () => {
    const r = await tryConnect({});
    r.socket.close();
    expect(r.ok).toBe(false);
    expect(r.error).toBe('unauthorized');
  });

  it('refuses an invalid or expired token', async () => {
    const m = await buildOrg(t);
    const bad = await tryConnect({ token: 'not.a.jwt' });
    bad.socket.close();
    expect(bad.ok).toBe(false);
    const expired = jwt.sign({ role: 'user', exp: Math.floor(Date.now() / 1000) - 5 }, t.ctx.jwtSecret, {
      subject: m.user.id,
      issuer: 'techbridge',
    });
    const old = await tryConnect({ token: expired });
    old.socket.close();
    expect(old.ok).toBe(false);
    expect(old.error).toBe('unauthorized');
  });

  it('accepts a valid access token and joins the user and organisation rooms', async () => {
    const m = await buildOrg(t);
    const r = await tryConnect({ token: m.accessToken });
    try {
      expect(r.ok).toBe(true);
      const sockets = await t.app.io.in(`org:${m.organization.id}`).fetchSockets();
      expect(sockets.map((s) => s.data.userId)).toContain(m.user.id);
      const userSockets = await t.app.io.in(`user:${m.user.id}`).fetchSockets();
      expect(userSockets).toHaveLength(1);
    } finally {
      r.socket.close();
    }
  });
});
