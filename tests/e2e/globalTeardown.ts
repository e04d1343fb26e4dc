import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';

/** Stops the app the global setup started (Ctrl-C, as a user would), then removes its data. */
export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as { e2eApp?: { app: ChildProcess; dataDir: string } }).e2eApp;
  if (!started) return;
  const exited = new Promise((resolve) => started.app.once('exit', resolve));
  started.app.kill('SIGINT');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 60_000))]);
  if (started.app.exitCode === null) started.app.kill('SIGKILL');
  fs.rmSync(started.dataDir, { recursive: true, force: true });
}
