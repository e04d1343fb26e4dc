import fs from 'node:fs';
import path from 'node:path';
import type { Services } from '../../server/src/platform/services';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>).__TB_SERVICES__ as
    | { services: Services; dataDir: string }
    | undefined;
  if (!state) return;
  await state.services.stop();
  // A service that crashed during the run left its reason in its log: keep it where CI keeps artifacts.
  for (const name of ['ferretdb', 'meilisearch']) {
    const log = path.join(state.dataDir, 'logs', `${name}.log`);
    if (fs.existsSync(log) && /panic|fatal/i.test(fs.readFileSync(log, 'utf8'))) {
      fs.mkdirSync('test-artifacts', { recursive: true });
      fs.copyFileSync(log, path.join('test-artifacts', `${name}-crash.log`));
      console.warn(`[services] ${name} logged a crash during the tests: test-artifacts/${name}-crash.log`);
    }
  }
  fs.rmSync(state.dataDir, { recursive: true, force: true });
}
