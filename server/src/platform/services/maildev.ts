import fs from 'node:fs';
import path from 'node:path';
import { type ManagedChild, spawnService } from './child';
import { getFreePort } from './ports';

/**
 * The embedded mail catcher: MailDev (npm `maildev`, pure JavaScript, no
 * install scripts). It accepts every message on an SMTP port and shows it in
 * its web interface (`/`) and JSON API (`/api/email`). Messages are kept as
 * .eml files under DATA_DIR/maildev, so a restart (or a crash) loses none.
 */
export function findMaildev(): string {
  // The package is ESM-only and exports no subpaths: find its file on the resolution paths.
  for (const dir of require.resolve.paths('maildev') ?? []) {
    const file = path.join(dir, 'maildev', 'dist', 'bin', 'maildev.js');
    if (fs.existsSync(file)) return file;
  }
  throw new Error(
    'No mail catcher: the npm package maildev is not installed (npm install). Set SMTP_URL to a mail server instead.',
  );
}

export interface Maildev {
  smtpPort: number;
  webPort: number;
  child: ManagedChild;
}

/** Resolves once the web API answers (MailDev opens SMTP first, then the web server). */
export async function waitForMaildev(webPort: number, timeoutMs: number, child?: ManagedChild): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void child?.exited.then(() => {
    exited = true;
  });
  for (;;) {
    if (exited) throw new Error(`MailDev exited during start-up:\n${child?.tail()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${webPort}/api/email?limit=1`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`MailDev did not answer within ${timeoutMs} ms:\n${child?.tail()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts MailDev on loopback ports (free ones unless given: a restart keeps
 * its ports, so the app's transport and the printed address stay right).
 */
export async function startMaildev(
  dataDir: string,
  ports: { smtp?: number; web?: number } = {},
  script = findMaildev(),
): Promise<Maildev> {
  const dir = path.join(dataDir, 'maildev');
  fs.mkdirSync(dir, { recursive: true });
  const smtpPort = ports.smtp ?? (await getFreePort());
  const webPort = ports.web ?? (await getFreePort());
  // Only our own options: MailDev also reads MAILDEV_* variables.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('MAILDEV_')));
  const child = spawnService(
    'maildev',
    process.execPath,
    [
      script,
      '--smtp',
      String(smtpPort),
      '--ip',
      '127.0.0.1',
      '--web',
      String(webPort),
      '--web-ip',
      '127.0.0.1',
      '--mail-directory',
      dir,
      '--silent',
    ],
    { cwd: dir, logFile: path.join(dataDir, 'logs', 'maildev.log'), env: { ...env, NODE_ENV: 'production' } },
  );
  try {
    await waitForMaildev(webPort, 30_000, child);
  } catch (err) {
    await child.stop();
    throw err;
  }
  return { smtpPort, webPort, child };
}
