import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { defaultCacheDir } from './services';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  CACHE_DIR: z.string().min(1).optional(),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  MONGODB_DB: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,60}$/, 'letters, digits, _ and - only')
    .default('techbridge'),
  MEILI_URL: z.url('must be a URL').optional(),
  MEILI_MASTER_KEY: z.string().optional(),
  MEILI_BINARY: z.string().optional(),
  MEILI_INDEX_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]*$/, 'letters, digits, _ and - only')
    .default(''),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL: z.coerce.number().int().min(10).max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  REFRESH_REUSE_GRACE_SECONDS: z.coerce.number().int().min(0).max(60).default(10),
  CORS_ORIGIN: z.string().optional(),
  SEED_DEMO: bool.optional(),
  ADMIN_EMAIL: z.email('must be an email').optional(),
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(kb|mb)$/, 'like 1mb or 500kb')
    .default('1mb'),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  REGISTER_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  REFRESH_RATE_LIMIT: z.coerce.number().int().min(1).default(120),
  SEARCH_RATE_LIMIT: z.coerce.number().int().min(1).default(300),
  MESSAGE_RATE_LIMIT: z.coerce.number().int().min(1).default(60),
  /** Listings one user may create in 10 minutes. */
  CREATE_RATE_LIMIT: z.coerce.number().int().min(1).default(60),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(300).default(10),
  MATCH_LIMIT: z.coerce.number().int().min(1).max(200).default(20),
  TRUST_PROXY: bool.default(false),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(/^([^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, 'an address, or a name and <address>')
    .default('TechBridge <no-reply@techbridge.local>'),
  PUBLIC_URL: z.url('must be a URL').optional(),
  MAIL_RATE_LIMIT: z.coerce.number().int().min(1).default(5),
  MESSAGE_MAIL_DELAY_MINUTES: z.coerce.number().min(0).max(1440).default(5),
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  production: boolean;
  port: number;
  host?: string;
  dataDir: string;
  cacheDir: string;
  mongodbUri?: string;
  mongodbDb: string;
  meiliUrl?: string;
  meiliMasterKey?: string;
  meiliBinary?: string;
  meiliIndexPrefix: string;
  /** Absent until resolved: generated and kept in DATA_DIR outside production. */
  jwtSecret?: string;
  accessTokenTtl: number;
  refreshTokenTtlDays: number;
  /** A just-rotated refresh token presented again within this many seconds continues its family (aborted reloads). */
  refreshReuseGraceSeconds: number;
  corsOrigins: string[];
  seedDemo: boolean;
  adminEmail?: string;
  adminPassword?: string;
  logLevel: Env['LOG_LEVEL'];
  /** Readable lines for people (development), or one JSON object per line for log collectors (production). */
  logFormat: 'pretty' | 'json';
  bodyLimit: string;
  /**
   * Requests per window: login per address and email (15 min), registration
   * per address (15 min), session refresh per address (15 min), search per
   * address (1 min), chat messages per user (1 min).
   */
  rateLimits: {
    login: number;
    register: number;
    refresh: number;
    search: number;
    message: number;
    create: number;
    mail: number;
  };
  /** Set: Socket.IO events and rate-limit counters are shared with other instances through Redis. */
  redisUrl?: string;
  /** How long a stopping instance drains requests and sockets before closing them. */
  shutdownGraceSeconds: number;
  /** A listing's matching pass creates new pairs only until it has this many active among its candidates. */
  matchLimit: number;
  trustProxy: boolean;
  /** An external mail server; absent: the embedded mail catcher (outside production). */
  smtpUrl?: string;
  /** The From of every mail. */
  mailFrom: string;
  /** The address people reach the app at, for links in mails (no trailing slash). */
  publicUrl: string;
  /** A chat message is mailed only if still unread this long after it was sent. */
  messageMailDelayMs: number;
  /** The daily digest goes out from this hour on (Vietnam time, UTC+7). */
  digestHour: number;
  /** True when the app starts its own database and search engine. */
  embedded: boolean;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the environment once, checking everything and reporting every problem together. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const raw = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(raw);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production) {
    if (!e.MONGODB_URI) problems.push('MONGODB_URI: required in production');
    if (!e.MEILI_URL) problems.push('MEILI_URL: required in production');
    if (!e.JWT_SECRET) problems.push('JWT_SECRET: required in production');
    if (e.SEED_DEMO) problems.push('SEED_DEMO: demo data is never seeded in production');
    if (!e.SMTP_URL) problems.push('SMTP_URL: required in production (there is no mail catcher there)');
    if (!e.PUBLIC_URL) problems.push('PUBLIC_URL: required in production (links in mails point there)');
  }
  if (e.MEILI_URL && !e.MEILI_MASTER_KEY && production)
    problems.push('MEILI_MASTER_KEY: required with MEILI_URL in production');
  if ((e.ADMIN_EMAIL && !e.ADMIN_PASSWORD) || (!e.ADMIN_EMAIL && e.ADMIN_PASSWORD)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD: set both or neither');
  }
  if (problems.length) throw new ConfigError(problems);

  const embedded = !e.MONGODB_URI && !e.MEILI_URL;
  return {
    env: e.NODE_ENV,
    production,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    cacheDir: e.CACHE_DIR ? path.resolve(e.CACHE_DIR) : defaultCacheDir,
    mongodbUri: e.MONGODB_URI,
    mongodbDb: e.MONGODB_DB,
    meiliUrl: e.MEILI_URL,
    meiliMasterKey: e.MEILI_MASTER_KEY,
    meiliBinary: e.MEILI_BINARY,
    meiliIndexPrefix: e.MEILI_INDEX_PREFIX,
    jwtSecret: e.JWT_SECRET,
    accessTokenTtl: e.ACCESS_TOKEN_TTL,
    refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    refreshReuseGraceSeconds: e.REFRESH_REUSE_GRACE_SECONDS,
    corsOrigins: e.CORS_ORIGIN ? e.CORS_ORIGIN.split(',').map((o) => o.trim()) : [],
    seedDemo: !production && (e.SEED_DEMO ?? embedded),
    adminEmail: e.ADMIN_EMAIL,
    adminPassword: e.ADMIN_PASSWORD,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? (production ? 'json' : 'pretty'),
    bodyLimit: e.BODY_LIMIT,
    rateLimits: {
      login: e.LOGIN_RATE_LIMIT,
      register: e.REGISTER_RATE_LIMIT,
      refresh: e.REFRESH_RATE_LIMIT,
      search: e.SEARCH_RATE_LIMIT,
      message: e.MESSAGE_RATE_LIMIT,
      create: e.CREATE_RATE_LIMIT,
      mail: e.MAIL_RATE_LIMIT,
    },
    redisUrl: e.REDIS_URL,
    shutdownGraceSeconds: e.SHUTDOWN_GRACE_SECONDS,
    matchLimit: e.MATCH_LIMIT,
    trustProxy: e.TRUST_PROXY,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    messageMailDelayMs: Math.round(e.MESSAGE_MAIL_DELAY_MINUTES * 60_000),
    digestHour: e.DIGEST_HOUR,
    embedded,
  };
}

/** Outside production, a JWT secret is generated once and kept in DATA_DIR. */
export function resolveJwtSecret(config: Config): string {
  if (config.jwtSecret) return config.jwtSecret;
  const file = path.join(config.dataDir, 'jwt-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const secret = crypto.randomBytes(48).toString('base64url');
  fs.mkdirSync(config.dataDir, { recursive: true });
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
