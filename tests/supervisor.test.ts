import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { spawnService } from '../server/src/platform/services/child';
import {
  type RestartPolicy,
  type ServiceState,
  SupervisedHealth,
  Supervisor,
} from '../server/src/platform/services/supervisor';
import { startTestApp, testServices } from './helpers/app';
import { isAlive, waitFor } from './helpers/processes';

/**
 * The supervisor's rules, with tiny real children (`node -e`) in place of
 * FerretDB and Meilisearch: back-off, giving up, and never restarting what
 * was stopped on purpose. Each child is spawned the way the services are,
 * watchdog included.
 */
jest.setTimeout(30_000);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-supervisor-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const fast: RestartPolicy = { initialDelayMs: 100, maxDelayMs: 400, stableAfterMs: 1500, maxAttempts: 4 };

/** A supervisor of `node -e script`, recording each start and every log line. */
function supervise(script: string, policy = fast) {
  const starts: number[] = [];
  const lines: string[] = [];
  const states: ServiceState[] = [];
  const log = {
    info: (m: string) => lines.push(m),
    warn: (m: string) => lines.push(m),
    error: (m: string) => lines.push(m),
  };
  const supervisor = new Supervisor(
    'fake',
    async () => {
      starts.push(Date.now());
      const child = spawnService('fake', process.execPath, ['-e', script], {
        cwd: dir,
        logFile: path.join(dir, 'fake.log'),
      });
      // Started means: it said so (as a service is started once its port answers).
      let exited = false;
      void child.exited.then(() => {
        exited = true;
      });
      await waitFor(() => exited || child.tail().includes('ready'), 5000, 'the fake child to start');
      if (exited) throw new Error(`exited during start-up: ${JSON.stringify(await child.exited)}`);
      return child;
    },
    log,
    policy,
  );
  supervisor.on('change', (s) => states.push(s));
  return { supervisor, starts, lines, states };
}

const RUNS = "console.log('ready'); setInterval(() => undefined, 1000)";
/** Runs the first time only: a marker file makes every later start exit at once. */
const runsOnce = (marker: string) =>
  `const fs = require('fs'); if (fs.existsSync(${JSON.stringify(marker)})) process.exit(3); fs.writeFileSync(${JSON.stringify(marker)}, ''); ${RUNS}`;

describe('Supervisor', () => {
  it('restarts a child that was killed, with a new process, after the first back-off', async () => {
    const { supervisor, starts, lines, states } = supervise(RUNS);
    const first = await supervisor.start();
    try {
      const killedAt = Date.now();
      process.kill(first.pid, 'SIGKILL');
      await waitFor(() => supervisor.state === 'up' && supervisor.pid !== first.pid, 5000, 'the restart');
      expect(states).toEqual(['restarting', 'up']);
      expect(starts).toHaveLength(2);
      expect(starts[1] - killedAt).toBeGreaterThanOrEqual(fast.initialDelayMs - 5);
      expect(isAlive(supervisor.pid as number)).toBe(true);
      // One line when it goes down, one per attempt with its back-off, one when it is back.
      expect(lines).toEqual([
        expect.stringMatching(/^fake \(pid \d+\) exited unexpectedly \(SIGKILL\); restarting it$/),
        'fake: restart attempt 1/4 in 100 ms',
        expect.stringMatching(/^fake is up again \(pid \d+, down \d+\.\d s\)$/),
      ]);
    } finally {
      await supervisor.stop();
    }
  });

  it('doubles the back-off while starts fail, caps it, then gives up and reports failed', async () => {
    const { supervisor, starts, lines, states } = supervise(runsOnce(path.join(dir, 'once-a')));
    const first = await supervisor.start();
    process.kill(first.pid, 'SIGKILL');
    await waitFor(() => supervisor.state === 'failed', 10_000, 'the supervisor to give up');
    // The first start, then maxAttempts restarts, each failing.
    expect(starts).toHaveLength(1 + fast.maxAttempts);
    expect(lines.filter((l) => l.includes('restart attempt') && l.includes(' in '))).toEqual([
      'fake: restart attempt 1/4 in 100 ms',
      'fake: restart attempt 2/4 in 200 ms',
      'fake: restart attempt 3/4 in 400 ms',
      'fake: restart attempt 4/4 in 400 ms',
    ]);
    const gaps = starts.slice(2).map((t, i) => t - starts[i + 1]);
    // Each gap is the back-off plus the failed start (a node start-up).
    expect(gaps[0]).toBeGreaterThanOrEqual(200);
    expect(gaps[1]).toBeGreaterThanOrEqual(400);
    expect(gaps[2]).toBeGreaterThanOrEqual(400);
    expect(gaps[2]).toBeLessThan(1000);
    expect(lines.at(-1)).toMatch(/fake could not be restored after 4 attempts; giving up/);
    expect(states).toEqual(['restarting', 'failed']);
    expect(supervisor.pid).toBeUndefined();
    await supervisor.stop();
  });

  it('starts the back-off over once a restarted child has stayed up for stableAfterMs', async () => {
    const policy = { ...fast, stableAfterMs: 600 };
    const { supervisor, lines } = supervise(RUNS, policy);
    const first = await supervisor.start();
    try {
      // Two quick deaths: the second waits twice as long.
      process.kill(first.pid, 'SIGKILL');
      await waitFor(() => supervisor.state === 'up' && supervisor.pid !== first.pid, 5000, 'restart 1');
      const second = supervisor.pid as number;
      process.kill(second, 'SIGKILL');
      await waitFor(() => supervisor.state === 'up' && supervisor.pid !== second, 5000, 'restart 2');
      // Then a stable run: the next death starts again at the first back-off.
      await new Promise((r) => setTimeout(r, policy.stableAfterMs + 100));
      const third = supervisor.pid as number;
      process.kill(third, 'SIGKILL');
      await waitFor(() => supervisor.state === 'up' && supervisor.pid !== third, 5000, 'restart 3');
      expect(lines.filter((l) => l.includes('restart attempt'))).toEqual([
        'fake: restart attempt 1/4 in 100 ms',
        'fake: restart attempt 2/4 in 200 ms',
        'fake: restart attempt 1/4 in 100 ms',
      ]);
    } finally {
      await supervisor.stop();
    }
  });

  it('never restarts a child stopped on purpose, nor one that dies after hold()', async () => {
    const stopped = supervise(RUNS);
    const a = await stopped.supervisor.start();
    await stopped.supervisor.stop();
    expect(isAlive(a.pid)).toBe(false);

    const held = supervise(RUNS);
    const b = await held.supervisor.start();
    held.supervisor.hold();
    process.kill(b.pid, 'SIGKILL');
    await b.exited;

    await new Promise((r) => setTimeout(r, fast.initialDelayMs * 4));
    for (const s of [stopped, held]) {
      expect(s.starts).toHaveLength(1);
      expect(s.states).toEqual([]);
      expect(s.lines).toEqual([]);
      expect(s.supervisor.pid).toBeUndefined();
    }
    await held.supervisor.stop();
  });

  it('a stop during the back-off cancels the pending restart at once', async () => {
    const { supervisor, starts } = supervise(RUNS, { ...fast, initialDelayMs: 5000 });
    const first = await supervisor.start();
    process.kill(first.pid, 'SIGKILL');
    await waitFor(() => supervisor.state === 'restarting', 2000, 'the restart to be pending');
    const t0 = Date.now();
    await supervisor.stop();
    expect(Date.now() - t0).toBeLessThan(1000);
    await new Promise((r) => setTimeout(r, 200));
    expect(starts).toHaveLength(1);
  });
});

describe('a failed service seen by the app', () => {
  it('turns liveness and readiness to 503 naming it, and gated routes answer 503 at once with Retry-After', async () => {
    const { supervisor } = supervise(runsOnce(path.join(dir, 'once-b')), {
      ...fast,
      initialDelayMs: 20,
      maxDelayMs: 20,
      maxAttempts: 2,
    });
    const health = new SupervisedHealth();
    const changes: string[] = [];
    health.on('change', (name, state) => changes.push(`${name}:${state}`));
    const first = await supervisor.start();
    health.watch('search', supervisor);
    // The run's services, with this health view passed on to buildContext like main.ts passes the real one.
    const services = { ...testServices(), health };
    const t = await startTestApp({}, services);
    try {
      expect((await request(t.app.server).get('/api/health/live')).status).toBe(200);
      expect((await request(t.app.server).get('/api/search?q=x')).status).toBe(200);

      process.kill(first.pid, 'SIGKILL');
      await waitFor(() => health.state('search') === 'failed', 5000, 'search to be failed');
      expect(changes).toEqual(['search:restarting', 'search:failed']);

      const live = await request(t.app.server).get('/api/health/live');
      expect(live.status).toBe(503);
      expect(live.body).toMatchObject({ status: 'failed', search: 'failed' });
      expect(live.body.db).toBeUndefined();
      const ready = await request(t.app.server).get('/api/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toEqual({ status: 'error', db: 'up', search: 'failed' });

      const t0 = Date.now();
      const search = await request(t.app.server).get('/api/search?q=x');
      expect(Date.now() - t0).toBeLessThan(500);
      expect(search.status).toBe(503);
      expect(search.headers['retry-after']).toBe('60');
      expect(search.body).toEqual({ error: { code: 'unavailable', message: 'Search is unavailable' } });
      // Routes that do not need search are not gated by it.
      expect((await request(t.app.server).get('/api/taxonomies')).status).toBe(200);
      expect((await request(t.app.server).get('/api/offers')).status).not.toBe(503);
    } finally {
      await t.close();
      await supervisor.stop();
    }
  });
});
