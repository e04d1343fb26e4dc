import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type ManagedChild, type ServiceLog, spawnService } from './child';
import { getFreePort, waitForPort } from './ports';

export const FERRETDB_VERSION = 'v1.24.2';
const MODULE = 'github.com/FerretDB/FerretDB';

export function ferretdbBinaryPath(cacheDir: string): string {
  return path.join(cacheDir, 'ferretdb', FERRETDB_VERSION, 'ferretdb');
}

const ID_INDEX_SOURCE = path.join(__dirname, 'ferretdb-id-index', 'main.go');

/**
 * The companion that indexes the expression FerretDB looks documents up by
 * (see ferretdb-id-index/main.go); its name carries a hash of its source, so
 * a changed source is rebuilt.
 */
export function idIndexBinaryPath(cacheDir: string): string {
  const hash = crypto.createHash('sha256').update(fs.readFileSync(ID_INDEX_SOURCE)).digest('hex').slice(0, 10);
  return path.join(cacheDir, 'ferretdb', FERRETDB_VERSION, `ferretdb-id-index-${hash}`);
}

function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; onLine?: (line: string) => void },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    const stderrTail: string[] = [];
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      for (const line of c.toString().split('\n')) {
        if (!line.trim()) continue;
        options.onLine?.(line);
        stderrTail.push(line);
        if (stderrTail.length > 20) stderrTail.shift();
      }
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${stderrTail.join('\n')}`));
    });
  });
}

/**
 * Builds FerretDB once into the project-local cache with `go install`.
 * `go install module/cmd/ferretdb@version` alone yields a binary that panics at
 * start (FerretDB reads its version from build/version/version.txt, which only
 * its release tooling writes; FerretDB issue #4001). So the module source is
 * fetched with the Go module proxy, the version file is written, and
 * `go install ./cmd/ferretdb` runs in that copy — the same pinned sources and
 * dependencies, a working binary.
 */
export async function ensureFerretdb(cacheDir: string, log: ServiceLog): Promise<string> {
  const binary = ferretdbBinaryPath(cacheDir);
  if (fs.existsSync(binary) && fs.existsSync(idIndexBinaryPath(cacheDir))) return binary;

  const started = Date.now();
  const env: NodeJS.ProcessEnv = { ...process.env, GOTOOLCHAIN: 'local', CGO_ENABLED: '0', GOFLAGS: '' };
  try {
    await run('go', ['version'], { env });
  } catch {
    throw new Error(
      'FerretDB must be built on first start, but Go is not installed. Install Go (https://go.dev/dl) or set MONGODB_URI to an existing MongoDB.',
    );
  }
  log.info(`Building FerretDB ${FERRETDB_VERSION} with Go (first start only, about 1–3 minutes)…`);
  const elapsed = () => `${Math.round((Date.now() - started) / 1000)}s`;
  let compiled = 0;
  let last = '';
  const ticker = setInterval(() => {
    log.info(`  FerretDB build: ${elapsed()} elapsed, ${compiled} packages compiled${last ? ` (${last})` : ''}`);
  }, 5000);
  const workDir = path.join(cacheDir, 'ferretdb', `build-${process.pid}-${Date.now()}`);
  try {
    log.info('  [1/2] downloading FerretDB sources and dependencies through the Go module proxy');
    const info = JSON.parse(
      await run('go', ['mod', 'download', '-json', `${MODULE}@${FERRETDB_VERSION}`], { env }),
    ) as {
      Dir?: string;
      Error?: string;
    };
    if (!info.Dir) throw new Error(`go mod download failed: ${info.Error ?? 'no directory'}`);
    const src = path.join(workDir, 'src');
    fs.cpSync(info.Dir, src, { recursive: true });
    makeWritable(src);
    fs.writeFileSync(path.join(src, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
    fs.mkdirSync(path.join(src, 'cmd', 'ferretdb-id-index'));
    fs.copyFileSync(ID_INDEX_SOURCE, path.join(src, 'cmd', 'ferretdb-id-index', 'main.go'));

    log.info('  [2/2] compiling (go install ./cmd/ferretdb ./cmd/ferretdb-id-index)');
    const bin = path.join(workDir, 'bin');
    await run('go', ['install', '-v', '-trimpath', './cmd/ferretdb', './cmd/ferretdb-id-index'], {
      cwd: src,
      env: { ...env, GOBIN: bin },
      onLine: (line) => {
        if (!line.startsWith('go: ')) {
          compiled += 1;
          last = line.trim();
        }
      },
    });
    fs.mkdirSync(path.dirname(binary), { recursive: true });
    fs.renameSync(path.join(bin, 'ferretdb-id-index'), idIndexBinaryPath(cacheDir));
    fs.renameSync(path.join(bin, 'ferretdb'), binary);
    log.info(`FerretDB ${FERRETDB_VERSION} built in ${elapsed()} → ${binary}`);
    return binary;
  } finally {
    clearInterval(ticker);
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

function makeWritable(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) makeWritable(p);
    else fs.chmodSync(p, 0o644);
  }
}

/**
 * FerretDB's environment: the Go runtime's collector tuned for a database server. At Go's default (GOGC=100, a
 * collection each time the heap doubles) about a sixth of FerretDB's CPU went to collecting and allocating during
 * the matcher's drain, whose every write decodes and re-encodes a whole document. GOGC=400 collects a quarter as often
 * (FerretDB's CPU per matched listing 16.8 → 12.9–13.3 ms, its peak RSS 95 → 119 MB at 2,000 listings), and the
 * soft limit makes it collect sooner whenever the heap nears 256 MiB. Heap profiling, which samples allocations'
 * stacks for a debug endpoint never opened here (`--debug-addr=-`), is off. Values set in the environment win.
 */
export function ferretdbEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return {
    ...env,
    GOGC: env.GOGC ?? '400',
    GOMEMLIMIT: env.GOMEMLIMIT ?? '256MiB',
    GODEBUG: env.GODEBUG?.includes('memprofilerate=')
      ? env.GODEBUG
      : [env.GODEBUG, 'memprofilerate=0'].filter(Boolean).join(','),
  };
}

export async function startFerretdb(
  binary: string,
  dataDir: string,
  requestedPort?: number,
): Promise<{ uri: string; child: ManagedChild }> {
  const dbDir = path.join(dataDir, 'ferretdb');
  const stateDir = path.join(dataDir, 'ferretdb-state');
  fs.mkdirSync(dbDir, { recursive: true });
  fs.mkdirSync(stateDir, { recursive: true });
  const port = requestedPort ?? (await getFreePort());
  const child = spawnService(
    'ferretdb',
    binary,
    [
      '--handler=sqlite',
      // Write transactions take SQLite's write lock when they begin (BEGIN
      // IMMEDIATE), so concurrent writers queue on the busy timeout instead of
      // failing with SQLITE_BUSY when a read transaction tries to upgrade.
      // synchronous(normal): in WAL mode a commit is not flushed to disk on its own, only at checkpoints — an
      // acknowledged write survives a crash of any process, and the last moments' writes may be lost only when the
      // machine itself goes down (MongoDB's default, which flushes its journal every 100 ms, is no stricter). A
      // flush per commit made every write wait on the disk.
      `--sqlite-url=file:${dbDir}/?_txlock=immediate&_pragma=synchronous(normal)`,
      `--listen-addr=127.0.0.1:${port}`,
      `--state-dir=${stateDir}`,
      '--telemetry=disable',
      '--debug-addr=-',
      '--log-level=warn',
    ],
    { cwd: dataDir, logFile: path.join(dataDir, 'logs', 'ferretdb.log'), env: ferretdbEnv() },
  );
  try {
    await Promise.race([
      waitForPort(port, 30_000),
      child.exited.then(({ code }) => {
        throw new Error(`FerretDB exited during start-up (code ${code}):\n${child.tail()}`);
      }),
    ]);
  } catch (err) {
    await child.stop();
    throw err;
  }
  return { uri: `mongodb://127.0.0.1:${port}/`, child };
}

/**
 * Adds the _id lookup index to a database's tables (run once its collections
 * exist; idempotent). Returns how many tables got it.
 */
export async function indexFerretdbIds(cacheDir: string, dataDir: string, dbName: string): Promise<number> {
  const file = path.join(dataDir, 'ferretdb', `${dbName}.sqlite`);
  if (!fs.existsSync(file)) return 0;
  return (JSON.parse(await run(idIndexBinaryPath(cacheDir), [file], {})) as { created: number }).created;
}
