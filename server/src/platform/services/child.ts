import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface ServiceLog {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

export interface ManagedChild {
  name: string;
  pid: number;
  /** Stops the child: SIGTERM, then SIGKILL after graceMs. Safe to call twice. */
  stop(graceMs?: number): Promise<void>;
  /** Settles when the child exits, with its exit code or signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Last lines the child wrote, for error messages. */
  tail(): string;
}

const running = new Set<ManagedChild>();

const WATCHDOG = path.join(__dirname, 'watchdog.js');

/**
 * Spawns a service and a watchdog that kills it if this process dies without
 * cleaning up (SIGKILL, OOM). Output goes to logFile; the last lines are kept
 * in memory for start-up errors.
 */
export function spawnService(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; logFile: string; env?: NodeJS.ProcessEnv },
): ManagedChild {
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const out = fs.createWriteStream(options.logFile, { flags: 'a' });
  const child: ChildProcess = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: a Ctrl-C in the terminal reaches the app only,
    // which drains its requests and flushes its outbox while the services are
    // still up, then stops them (before, they died with the app's SIGINT, in
    // the middle of its shutdown). The watchdog covers the app dying abruptly.
    detached: true,
  });
  if (child.pid === undefined) {
    // spawn failed synchronously (ENOENT and the like are emitted as 'error')
  }
  const lines: string[] = [];
  const collect = (chunk: Buffer) => {
    out.write(chunk);
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim()) lines.push(line);
    }
    if (lines.length > 40) lines.splice(0, lines.length - 40);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (err) => {
      lines.push(String(err));
      resolve({ code: -1, signal: null });
    });
  });

  let watchdog: ChildProcess | undefined;
  if (child.pid !== undefined) {
    watchdog = spawn(process.execPath, [WATCHDOG, String(process.pid), String(child.pid)], {
      stdio: 'ignore',
      detached: true,
    });
    watchdog.unref();
  }

  let stopping: Promise<void> | undefined;
  const managed: ManagedChild = {
    name,
    pid: child.pid ?? -1,
    exited,
    tail: () => lines.slice(-15).join('\n'),
    stop(graceMs = 5000) {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          await exited;
          clearTimeout(timer);
        }
        try {
          if (watchdog?.pid) process.kill(watchdog.pid, 'SIGTERM');
        } catch {
          // already gone
        }
        running.delete(managed);
        out.end();
      })();
      return stopping;
    },
  };
  running.add(managed);
  void exited.then(() => running.delete(managed));
  return managed;
}

/** Stops every service child this process started. */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map((c) => c.stop()));
}

/** Synchronous last resort for 'exit' handlers, where nothing async can run. */
export function killAllChildrenSync(): void {
  for (const c of running) {
    try {
      process.kill(c.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
