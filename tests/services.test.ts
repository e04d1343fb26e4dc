import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultCacheDir, type ServiceName, type ServiceState, startServices } from '../server/src/platform/services';
import { firstJsonLine, isAlive, pidsMentioning, repoRoot, spawnTs, waitFor } from './helpers/processes';

const fixture = path.join(repoRoot, 'tests/fixtures/services-child.ts');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'tb-services-'));
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const argv = (pid: number) => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
/** A process's environment variable as it was started with. */
const envOf = (pid: number, name: string) =>
  fs
    .readFileSync(`/proc/${pid}/environ`, 'utf8')
    .split('\0')
    .find((v) => v.startsWith(`${name}=`))
    ?.slice(name.length + 1);
/** The live FerretDB process of a data directory (not its watchdog, nor the id-index tool). */
const ferretdbOf = (dataDir: string) =>
  pidsMentioning(dataDir).filter((pid) => path.basename(argv(pid)[0] ?? '') === 'ferretdb');

describe('services module', () => {
  jest.setTimeout(60_000);

  it('stops FerretDB, Meilisearch and the MailDev mail catcher when the app is killed with SIGKILL', async () => {
    const dataDir = tmp();
    const child = spawnTs(fixture, [dataDir, 'wait']);
    const { pids } = await firstJsonLine<{ pids: number[] }>(child, 45_000);
    expect(pids).toHaveLength(3);
    expect(pids.every(isAlive)).toBe(true);
    child.kill('SIGKILL');
    await waitFor(() => pids.every((p) => !isAlive(p)), 10_000, 'services to stop after SIGKILL');
    expect(pidsMentioning(dataDir)).toEqual([]);
  });

  it('stops them when the app crashes with an uncaught exception', async () => {
    const dataDir = tmp();
    const child = spawnTs(fixture, [dataDir, 'crash']);
    const { pids } = await firstJsonLine<{ pids: number[] }>(child, 45_000);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).not.toBe(0);
    await waitFor(() => pids.every((p) => !isAlive(p)), 10_000, 'services to stop after a crash');
  });

  it('stops a restarted child too when the app is killed with SIGKILL (the restarted child has its own watchdog)', async () => {
    const dataDir = tmp();
    const child = spawnTs(fixture, [dataDir, 'wait']);
    const { pids } = await firstJsonLine<{ pids: number[] }>(child, 45_000);
    const [ferret] = ferretdbOf(dataDir);
    expect(pids).toContain(ferret);
    process.kill(ferret, 'SIGKILL');
    await waitFor(() => ferretdbOf(dataDir).some((p) => p !== ferret), 15_000, 'FerretDB to be restarted');
    const restarted = ferretdbOf(dataDir);
    child.kill('SIGKILL');
    await waitFor(() => restarted.every((p) => !isAlive(p)), 10_000, 'the restarted FerretDB to stop after SIGKILL');
    await waitFor(() => pidsMentioning(dataDir).length === 0, 10_000, 'every service to stop after SIGKILL');
  });

  it('restarts a child that died, on the same port and data; never after holdRestarts() or stop()', async () => {
    const dataDir = tmp();
    const services = await startServices({ dataDir, cacheDir: defaultCacheDir, skipMongod: true, log: quiet });
    const changes: string[] = [];
    services.health.on('change', (name: ServiceName, state: ServiceState) => changes.push(`${name}:${state}`));
    try {
      const db = services.pidOf('db') as number;
      const search = services.pidOf('search') as number;
      const mail = services.pidOf('mail') as number;
      expect(services.pids.sort()).toEqual([db, search, mail].sort());
      const before = { db: argv(db), search: argv(search), mail: argv(mail) };
      // FerretDB's Go collector is tuned for a database server (ferretdbEnv); a restarted FerretDB too (below).
      const goRuntimeOf = (pid: number) => ['GOGC', 'GOMEMLIMIT', 'GODEBUG'].map((name) => envOf(pid, name));
      const runtime = goRuntimeOf(db);
      expect(runtime).toEqual(['400', '256MiB', expect.stringContaining('memprofilerate=0')]);
      expect(before.mail.join(' ')).toContain(path.join(dataDir, 'maildev'));

      // The mail catcher is restarted on its ports and mail directory; requests never wait for it (no health change).
      process.kill(mail, 'SIGKILL');
      await waitFor(() => (services.pidOf('mail') ?? mail) !== mail, 15_000, 'the mail catcher to be restarted');
      const mail2 = services.pidOf('mail') as number;
      expect(argv(mail2)).toEqual(before.mail);
      expect(changes).toEqual([]);

      process.kill(db, 'SIGKILL');
      await waitFor(() => changes.length === 2, 15_000, 'the database to be restarted');
      expect(changes).toEqual(['db:restarting', 'db:up']);
      const db2 = services.pidOf('db') as number;
      expect(db2).not.toBe(db);
      expect(argv(db2)).toEqual(before.db);
      expect(services.health.state('db')).toBe('up');
      expect(goRuntimeOf(db2)).toEqual(runtime);

      // The app is stopping: a child that dies now stays down.
      services.holdRestarts();
      process.kill(search, 'SIGKILL');
      await new Promise((r) => setTimeout(r, 2000));
      expect(services.pidOf('search')).toBeUndefined();
      expect(pidsMentioning(dataDir).sort()).toEqual([db2, mail2].sort());
      expect(changes).toHaveLength(2);
    } finally {
      await services.stop();
    }
    await new Promise((r) => setTimeout(r, 1000));
    expect(pidsMentioning(dataDir)).toEqual([]);
    expect(services.pids).toEqual([]);
  });

  it('a failed start stops every service already started', async () => {
    const dataDir = tmp();
    const log = quiet;
    await expect(
      startServices({
        dataDir,
        cacheDir: defaultCacheDir,
        skipMongod: true,
        meiliBinary: '/nonexistent/meilisearch',
        log,
      }),
    ).rejects.toThrow(/MEILI_BINARY/);
    // FerretDB had started before Meilisearch failed; it must be gone.
    expect(fs.existsSync(path.join(dataDir, 'ferretdb'))).toBe(true);
    await waitFor(() => pidsMentioning(dataDir).length === 0, 10_000, 'FerretDB to stop after the failed start');
  });
});
