import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../..');

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** PIDs of live processes whose command line mentions the marker (a test's data directory). */
export function pidsMentioning(marker: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (cmdline.includes(marker) && !/\) Z /.test(stat)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the app at `base` answers its readiness check (200). */
export function waitForReady(base: string, timeoutMs: number, what = `the app at ${base}`): Promise<void> {
  return waitFor(
    async () => {
      try {
        return (await fetch(`${base}/api/health/ready`)).ok;
      } catch {
        return false;
      }
    },
    timeoutMs,
    what,
  );
}

/**
 * Spawns a TypeScript entry point in a single node process (tsx as a loader,
 * not its CLI wrapper, so that killing the child kills the app itself) and
 * collects its output.
 */
export function spawnTs(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  nodeFlags: string[] = [],
): ChildProcess & { output(): string } {
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', file, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  }) as ChildProcess & { output(): string };
  let out = '';
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.output = () => out;
  return child;
}

export function firstJsonLine<T>(child: ChildProcess & { output(): string }, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no JSON line within ${timeoutMs} ms:\n${child.output()}`)),
      timeoutMs,
    );
    const poll = setInterval(() => {
      const line = child
        .output()
        .split('\n')
        .find((l) => l.startsWith('{'));
      if (line) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(JSON.parse(line) as T);
      }
    }, 50);
    child.once('exit', () => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`exited before printing:\n${child.output()}`));
    });
  });
}

/**
 * The node flags `npm start` runs the server with (package.json's start
 * script, the one place they are set): a server started for a benchmark or
 * a browser test runs as it does for users.
 */
export function startNodeFlags(): string[] {
  const start: string = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).scripts.start;
  return start.split(/\s+/).filter((token) => /^--[a-z-]+=/.test(token));
}
