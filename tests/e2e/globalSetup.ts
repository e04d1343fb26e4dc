import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildClientIfStale } from '../../scripts/lib/client';
import { getFreePort } from '../../server/src/platform/services/ports';
import { Mailbox } from '../helpers/mailbox';
import { repoRoot, spawnTs, startNodeFlags, waitFor, waitForReady } from '../helpers/processes';

/**
 * One app for every end-to-end file, started as `npm start` starts it (its
 * own port and DATA_DIR, embedded services, the demo world seeded once):
 * its address and mail catcher go to the test files through the environment.
 */
export default async function globalSetup(): Promise<void> {
  buildClientIfStale();
  const port = await getFreePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-e2e-'));
  const app = spawnTs(
    path.join(repoRoot, 'server/src/main.ts'),
    [],
    {
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      // Links in mails open where the browser already has its session.
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
    startNodeFlags(),
  );
  (globalThis as { e2eApp?: { app: typeof app; dataDir: string } }).e2eApp = { app, dataDir };
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  await waitForReady(base, 180_000, `the app at ${base}`);
  await waitFor(() => /Mail: http/.test(app.output()), 10_000, 'the Mail: line of the banner');
  // The demo world is seeded after the server answers: every flow sees all of it.
  await waitFor(() => /Demo data ready/.test(app.output()), 900_000, `the demo data:\n${app.output().slice(-3000)}`);
  console.log(`\nE2E app at ${base}: ready with the demo world in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  process.env.TB_E2E_BASE = base;
  process.env.TB_E2E_MAIL_URL = Mailbox.fromBanner(app.output()).url;
}
