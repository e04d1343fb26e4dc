import { createClient } from 'redis';
import type { Logger } from './logger';

const newClient = (url: string) =>
  createClient({
    url,
    socket: { reconnectStrategy: (retries) => Math.min(5_000, 100 * 2 ** retries) },
    // While Redis is away, commands fail at once instead of queueing: rate limits let requests through
    // and cross-instance events are dropped (clients catch up on reconnect), rather than every request waiting.
    disableOfflineQueue: true,
  });

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

/**
 * The publisher as Socket.IO's Redis adapter sees it: the adapter publishes
 * without awaiting, so a publish during a Redis outage would be an unhandled
 * rejection (which stops the process). Failures are logged once per outage.
 */
export function adapterPublisher(pub: Redis, log: Logger): Redis {
  let warned = false;
  pub.on('ready', () => {
    warned = false;
  });
  return new Proxy(pub, {
    get(target, prop) {
      if (prop === 'publish')
        return (...args: Parameters<Redis['publish']>) =>
          target.publish(...args).catch((err: Error) => {
            if (!warned) log.warn({ err: err.message }, 'Socket.IO events not shared while Redis is away');
            warned = true;
            return 0;
          });
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
