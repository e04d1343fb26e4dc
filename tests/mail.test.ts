import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { composeMail } from '../server/src/platform/mail/render';
import { type Maildev, startMaildev } from '../server/src/platform/services/maildev';
import { startTestApp, type TestApp } from './helpers/app';
import { scans, spy } from './helpers/dbSpy';
import { Mailbox } from './helpers/mailbox';
import { repoRoot, spawnTs } from './helpers/processes';

/**
 * The mail queue against a real mail catcher (MailDev): a request only
 * queues; a mail server outage or a crash loses no mail; a key is one mail,
 * however often it is queued and by however many instances.
 */
jest.setTimeout(90_000);

const queued = (t: TestApp) => t.ctx.db.connection.model('MailQueue');
const mail = (key: string, to: string, subject = `Thư ${key}`) =>
  composeMail(key, to, {
    lang: 'vi',
    subject,
    heading: subject,
    blocks: [{ p: 'Nội dung thư.' }],
    footer: ['TechBridge'],
  });

describe('a mail server outage', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-mail-outage-'));
  let catcher: Maildev;
  let t: TestApp;
  beforeAll(async () => {
    catcher = await startMaildev(dir);
    t = await startTestApp({ smtpUrl: `smtp://127.0.0.1:${catcher.smtpPort}` });
  });
  afterAll(async () => {
    await t?.close();
    await catcher?.child.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the mail queued while the server is down and sends it once it is back (same ports, same mailbox)', async () => {
    const box = new Mailbox(`http://127.0.0.1:${catcher.webPort}`);
    await t.ctx.mail.enqueue(await mail('before', 'ban-doc@example.vn'));
    await box.waitFor('ban-doc@example.vn', /before/);

    await catcher.child.stop();
    const queuedAt = Date.now();
    // A request only queues: it answers at once, whatever the mail server does.
    expect(await t.ctx.mail.enqueue(await mail('during', 'ban-doc@example.vn'))).toBe(true);
    expect(Date.now() - queuedAt).toBeLessThan(500);
    await t.workers.mail.run().catch(() => undefined);
    const waiting = await queued(t)
      .findById(crypto.createHash('sha256').update('mail:during').digest('base64url').slice(0, 32))
      .lean<{ attempts: number; lastError: string }>();
    expect(waiting?.attempts).toBeGreaterThanOrEqual(1);
    expect(waiting?.lastError).toMatch(/ECONNREFUSED|connect/i);

    catcher = await startMaildev(dir, { smtp: catcher.smtpPort, web: catcher.webPort });
    const backAt = Date.now();
    const arrived = await box.waitFor('ban-doc@example.vn', /during/, 30_000);
    console.log(
      `mail outage: the queued mail arrived ${((Date.now() - backAt) / 1000).toFixed(1)} s after the server was back`,
    );
    expect(arrived.subject).toBe('Thư during');
    // The mail directory kept what arrived before the outage.
    expect((await box.to('ban-doc@example.vn')).map((m) => m.subject)).toEqual(['Thư before', 'Thư during']);
    expect(await queued(t).countDocuments({})).toBe(0);
  });
});

describe('a key is one mail', () => {
  let t: TestApp;
  const box = new Mailbox();
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('queues a key once, and never again after it was sent', async () => {
    const to = `mot-lan-${Date.now()}@example.vn`;
    expect(await t.ctx.mail.enqueue(await mail(`once-${to}`, to))).toBe(true);
    expect(await t.ctx.mail.enqueue(await mail(`once-${to}`, to))).toBe(false);
    await box.waitFor(to);
    await t.workers.mail.settled();
    expect(await t.ctx.mail.enqueue(await mail(`once-${to}`, to))).toBe(false);
    await t.workers.mail.settled();
    expect(await box.to(to)).toHaveLength(1);
  });

  it('claims the mails its instance queued by _id, without reading the whole queue for each', async () => {
    const to = `theo-id-${Date.now()}@example.vn`;
    await t.workers.mail.settled();
    const ops = await spy(t, async () => {
      for (let i = 0; i < 10; i++) await t.ctx.mail.enqueue(await mail(`id-${to}-${i}`, to, `Thư ${i}`));
      await t.workers.mail.settled();
    });
    const queue = ops.filter((op) => op.collection === 'mailqueue');
    const byId = queue.filter((op) => op.method === 'findOneAndUpdate' && !scans(op));
    const wholeReads = queue.filter((op) => ['find', 'findOneAndUpdate'].includes(op.method) && scans(op));
    expect(byId.length).toBeGreaterThanOrEqual(10);
    expect(wholeReads.length).toBeLessThan(byId.length / 2);
    expect(await box.to(to)).toHaveLength(10);
  });

  it('sends a mail someone is waiting for (a verification link) before the mails queued ahead of it', async () => {
    const to = `cho-${Date.now()}@example.vn`;
    await t.workers.mail.stop();
    try {
      for (let i = 0; i < 15; i++) await t.ctx.mail.enqueue(await mail(`backlog-${to}-${i}`, to, `Thư chờ ${i}`));
      const awaited = await composeMail(
        `awaited-${to}`,
        to,
        {
          lang: 'vi',
          subject: 'Xác nhận địa chỉ email',
          heading: 'Xác nhận',
          blocks: [{ p: 'Bấm vào liên kết.' }],
          footer: ['TechBridge'],
        },
        { awaited: true },
      );
      await t.ctx.mail.enqueue(awaited);
    } finally {
      t.workers.mail.start();
    }
    await t.workers.mail.settled();
    const log = t.ctx.db.connection.collection<{ _id: string; outcome: string; at: Date }>('maillog');
    const sent = await log.find({ outcome: 'sent' }).toArray();
    const idOf = (key: string) => crypto.createHash('sha256').update(`mail:${key}`).digest('base64url').slice(0, 32);
    const at = (key: string) => sent.find((e) => e._id === idOf(key))?.at.getTime() ?? Number.NaN;
    const first = Math.min(...Array.from({ length: 15 }, (_, i) => at(`backlog-${to}-${i}`)));
    expect(at(`awaited-${to}`)).toBeLessThanOrEqual(first);
    expect(await box.to(to)).toHaveLength(16);
  });

  it('sends each mail once when two instances share the queue', async () => {
    const other = await startTestApp(
      { mongodbDb: t.ctx.config.mongodbDb, meiliIndexPrefix: t.ctx.config.meiliIndexPrefix },
      undefined,
      {
        keepData: true,
      },
    );
    try {
      const to = `hai-may-${Date.now()}@example.vn`;
      await Promise.all([t.workers.mail.stop(), other.workers.mail.stop()]);
      for (let i = 0; i < 20; i++) await t.ctx.mail.enqueue(await mail(`pair-${to}-${i}`, to, `Thư số ${i}`));
      t.workers.mail.start();
      other.workers.mail.start();
      await Promise.all([t.workers.mail.run(), other.workers.mail.run()]);
      await Promise.all([t.workers.mail.settled(), other.workers.mail.settled()]);
      const subjects = (await box.to(to)).map((m) => m.subject).sort();
      expect(subjects).toHaveLength(20);
      expect(new Set(subjects).size).toBe(20);
    } finally {
      await other.close();
    }
  });
});

describe('a process killed between queueing a mail and sending it', () => {
  it('leaves the mail in the queue; the next instance sends it', async () => {
    const db = `t_mailcrash_${crypto.randomBytes(4).toString('hex')}`;
    const email = `su-co-${Date.now()}@example.vn`;
    const child = spawnTs(path.join(repoRoot, 'tests/fixtures/crash-after-enqueue.ts'), [], {
      CRASH_DB: db,
      CRASH_EMAIL: email,
    });
    const exit = await new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    );
    expect({ signal: exit, output: child.output().trim() }).toEqual({ signal: 'SIGKILL', output: 'queued' });
    const box = new Mailbox();
    expect(await box.to(email)).toEqual([]);
    const t = await startTestApp({ mongodbDb: db, meiliIndexPrefix: `${db}_` });
    try {
      const arrived = await box.waitFor(email, /verify-email/);
      expect(arrived.subject).toBe('Xác nhận địa chỉ email của bạn');
    } finally {
      await t.close();
    }
  });
});
