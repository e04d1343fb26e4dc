import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultCacheDir, startServices } from '../server/src/platform/services';
import { firstJsonLine, isAlive, pidsMentioning, repoRoot, spawnTs, waitFor } from './helpers/processes';

const fixture = path.join(repoRoot, 'tests/fixtures/services-child.ts');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'tb-services-'));

describe('services module', () => {
  jest.setTimeout(60_000);

  it('stops FerretDB and Meilisearch when the app is killed with SIGKILL', async () => {
    const dataDir = tmp();
    const child = spawnTs(fixture, [dataDir, 'wait']);
    const { pids } = await firstJsonLine<{ pids: number[] }>(child, 45_000);
    expect(pids).toHaveLength(2);
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

  it('a failed start stops every service already started', async () => {
    const dataDir = tmp();
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
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
