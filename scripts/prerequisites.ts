/**
 * What `npm test` needs besides Node.js, checked before any test runs:
 * Go (to build FerretDB once, unless it is built or MONGODB_URI is set),
 * Debian's Chromium (the browser tests) and redis-server (the two-instance
 * test). Missing Debian packages are installed when running as root with
 * apt; otherwise the run stops at once with the exact command to type.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { defaultCacheDir } from '../server/src/platform/services';
import { ferretdbBinaryPath } from '../server/src/platform/services/ferretdb';

interface Need {
  what: string;
  /** The Debian package that provides it. */
  pkg: string;
  present(): boolean;
}

const onPath = (command: string) =>
  (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, command), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });

const needs: Need[] = [
  {
    what: 'Go (builds FerretDB, the embedded database, once)',
    pkg: 'golang-go',
    present: () =>
      !!process.env.MONGODB_URI ||
      fs.existsSync(ferretdbBinaryPath(process.env.CACHE_DIR ?? defaultCacheDir)) ||
      onPath('go'),
  },
  {
    what: 'Chromium (the end-to-end tests drive it)',
    pkg: 'chromium',
    present: () => fs.existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'),
  },
  { what: 'redis-server (the two-instance test)', pkg: 'redis-server', present: () => onPath('redis-server') },
];

const missing = needs.filter((n) => !n.present());
if (missing.length) {
  const packages = missing.map((n) => n.pkg);
  const command = `sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`;
  console.log(`npm test needs: ${missing.map((n) => n.what).join('; ')}.`);
  if (process.getuid?.() === 0 && onPath('apt-get')) {
    console.log(`Installing the Debian packages ${packages.join(', ')}…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [
      ['update', '-qq'],
      ['install', '-y', '-qq', ...packages],
    ]) {
      const run = spawnSync('apt-get', args, { stdio: 'inherit', env });
      if (run.status !== 0) {
        console.error(`apt-get ${args.join(' ')} failed. Install them yourself: ${command}`);
        process.exit(1);
      }
    }
    const still = missing.filter((n) => !n.present());
    if (still.length) {
      console.error(`Still missing after the install: ${still.map((n) => n.pkg).join(', ')}.`);
      process.exit(1);
    }
  } else {
    console.error(`Install them first, then run npm test again:\n\n  ${command}\n`);
    process.exit(1);
  }
}
