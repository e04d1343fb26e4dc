import pino from 'pino';

export type Logger = pino.Logger;

/**
 * The app's logger: readable lines in development (pino-pretty), JSON lines
 * in production. Requests are logged one line each at debug level only;
 * failures always (see http/app.ts).
 */
export function createLogger(level: string, format: 'pretty' | 'json' = 'json'): Logger {
  const pretty = format === 'pretty';
  return pino({
    level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'password', '*.password'],
      censor: '[redacted]',
    },
    transport: pretty
      ? {
          target: 'pino-pretty',
          options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname', colorize: process.stdout.isTTY },
        }
      : undefined,
  });
}
