import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import pino from 'pino';
import { requestLog } from './requestLog';

function logger(level: string) {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { log, lines };
}

/** One request through the middleware, ended with `status` (or closed before an answer). */
function pass(mw: ReturnType<typeof requestLog>, url: string, headers: Record<string, string> = {}, status = 200) {
  const res = Object.assign(new EventEmitter(), {
    statusCode: status,
    writableFinished: status !== 0,
    headers: {} as Record<string, string>,
    setHeader(k: string, v: string) {
      this.headers[k] = v;
    },
  });
  const req = { url, originalUrl: url, method: 'GET', headers } as unknown as Request;
  let nextCalled = false;
  mw(req, res as unknown as Response, () => {
    nextCalled = true;
  });
  res.emit('close');
  return { req, res, nextCalled };
}

describe('requestLog', () => {
  it("answers the caller's plain request id, or a new UUID in place of anything else", () => {
    const mw = requestLog(logger('info').log);
    const given = pass(mw, '/api/search', { 'x-request-id': 'trace-42_a' });
    expect(given.nextCalled).toBe(true);
    expect(given.req.id).toBe('trace-42_a');
    expect(given.res.headers['x-request-id']).toBe('trace-42_a');
    const made = pass(mw, '/api/search', { 'x-request-id': 'x'.repeat(65) });
    expect(made.res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(made.req.id).toBe(made.res.headers['x-request-id']);
  });

  it('logs a line a request at debug level only, failures and outages always, health checks never', () => {
    const quiet = logger('info');
    pass(requestLog(quiet.log), '/api/search?q=a');
    pass(requestLog(quiet.log), '/api/offers', {}, 503);
    pass(requestLog(quiet.log), '/api/deals', {}, 500);
    expect(quiet.lines.map((l) => [l.level, (l.res as { statusCode: number }).statusCode, l.msg])).toEqual([
      [40, 503, 'request completed'],
      [50, 500, 'request completed'],
    ]);
    const debug = logger('debug');
    pass(requestLog(debug.log), '/api/search?q=a', { 'x-request-id': 'r1' });
    pass(requestLog(debug.log), '/api/health/ready');
    pass(requestLog(debug.log), '/api/offers', {}, 0);
    expect(debug.lines).toHaveLength(2);
    expect(debug.lines[0]).toMatchObject({
      level: 20,
      req: { id: 'r1', method: 'GET', url: '/api/search?q=a' },
      res: { statusCode: 200 },
      msg: 'request completed',
    });
    expect(typeof debug.lines[0].responseTime).toBe('number');
    expect(debug.lines[1].msg).toBe('request aborted');
  });
});
