import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies the defaults of the embedded setup', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.embedded).toBe(true);
    expect(c.seedDemo).toBe(true);
    expect(c.production).toBe(false);
  });

  it('lists every problem at once in production', () => {
    try {
      loadConfig({ NODE_ENV: 'production', PORT: 'abc' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems).toEqual([expect.stringContaining('PORT')]);
    }
    try {
      loadConfig({ NODE_ENV: 'production' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toContain('MONGODB_URI');
      expect(problems).toContain('MEILI_URL');
      expect(problems).toContain('JWT_SECRET');
    }
  });

  it('never seeds demo data in production, and not by default against external services', () => {
    const prod = loadConfig({
      NODE_ENV: 'production',
      MONGODB_URI: 'mongodb://db.example:27017',
      MEILI_URL: 'http://search.example:7700',
      MEILI_MASTER_KEY: 'k'.repeat(20),
      JWT_SECRET: 's'.repeat(40),
      SMTP_URL: 'smtp://mail.example:587',
      PUBLIC_URL: 'https://techbridge.example.vn',
    });
    expect(prod.seedDemo).toBe(false);
    expect(loadConfig({ MONGODB_URI: 'mongodb://x:1' }).seedDemo).toBe(false);
    expect(() => loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'true' })).toThrow(/SEED_DEMO/);
  });

  it('reads the mail settings, requiring a mail server and the public address in production', () => {
    const c = loadConfig({ PORT: '4100' });
    expect(c.smtpUrl).toBeUndefined();
    expect(c.publicUrl).toBe('http://localhost:4100');
    expect(c.mailFrom).toBe('TechBridge <no-reply@techbridge.local>');
    expect(c.messageMailDelayMs).toBe(300_000);
    const set = loadConfig({
      SMTP_URL: 'smtps://user:pass@mail.example:465',
      MAIL_FROM: 'Cầu nối công nghệ <hello@techbridge.vn>',
      PUBLIC_URL: 'https://techbridge.vn/',
      MESSAGE_MAIL_DELAY_MINUTES: '0.5',
      DIGEST_HOUR: '6',
    });
    expect(set).toMatchObject({ publicUrl: 'https://techbridge.vn', messageMailDelayMs: 30_000, digestHour: 6 });
    for (const env of [{ SMTP_URL: 'http://mail' }, { MAIL_FROM: 'not an address' }, { DIGEST_HOUR: '24' }])
      expect(() => loadConfig(env)).toThrow(Object.keys(env)[0]);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SMTP_URL[\s\S]*PUBLIC_URL/);
  });

  it('requires ADMIN_EMAIL and ADMIN_PASSWORD together', () => {
    expect(() => loadConfig({ ADMIN_EMAIL: 'a@b.vn' })).toThrow(/ADMIN_EMAIL and ADMIN_PASSWORD/);
  });
});
