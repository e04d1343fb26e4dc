import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

export function buildClientIfStale(): void {
  const builtAt = newestMtime(path.join(root, 'client/dist/index.html'));
  const sources = ['client/src', 'client/index.html', 'client/vite.config.ts', 'shared/src'].map((p) =>
    path.join(root, p),
  );
  if (builtAt && Math.max(...sources.map(newestMtime)) <= builtAt) return;
  console.log('Building the web client (vite build)…');
  const started = Date.now();
  // Warnings and errors only: the chunk table of a normal build is not for the start-up screen.
  const result = spawnSync('npm', ['run', 'build', '--workspace', 'client', '--silent', '--', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('The web client failed to build; see the errors above.');
    process.exit(1);
  }
  console.log(`Web client built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
