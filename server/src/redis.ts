import { createClient } from 'redis';
import type { Logger } from './logger';

const newClient = (url: string) =>
  createClient({ url, socket: { reconnectStrategy: (retries) => Math.min(5_000, 100 * 2 ** retries) } });

export type Redis = ReturnType<typeof newClient>;

/** Commands and publishing on one connection; Socket.IO's adapter subscribes on the other. */
export interface RedisClients {
  pub: Redis;
  sub: Redis;
}

export async function connectRedisClients(url: string, log: Logger): Promise<RedisClients> {
  const [pub, sub] = await Promise.all([connectRedis(url, log, 'redis'), connectRedis(url, log, 'redis subscriber')]);
  return { pub, sub };
}

/**
 * A connected Redis client (REDIS_URL): the Socket.IO adapter's publisher and
 * the shared rate-limit counters. node-redis reconnects on its own with
 * backoff; errors while it does are logged, not thrown.
 */
export async function connectRedis(url: string, log: Logger, name = 'redis'): Promise<Redis> {
  const client = newClient(url);
  let reported = false;
  client.on('error', (err: Error) => {
    if (reported) return;
    reported = true;
    log.warn({ err: err.message }, `${name} connection lost; reconnecting`);
  });
  client.on('ready', () => {
    if (reported) log.info(`${name} connection restored`);
    reported = false;
  });
  await client.connect();
  return client;
}
