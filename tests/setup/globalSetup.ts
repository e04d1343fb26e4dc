import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultCacheDir, startServices } from '../../server/src/platform/services';

/**
 * Starts the real services once for the whole run (FerretDB or mongod,
 * Meilisearch and the MailDev mail catcher) in a throwaway directory; each test file then uses its own
 * database and index prefix. MONGODB_URI / MEILI_URL run the suite against
 * external servers instead.
 */
export default async function globalSetup(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'techbridge-test-'));
  const log = {
    info: (m: string) => process.stderr.write(`[services] ${m}\n`),
    warn: (m: string) => process.stderr.write(`[services] ${m}\n`),
    error: (m: string) => process.stderr.write(`[services] ${m}\n`),
  };
  const services = await startServices({
    dataDir,
    cacheDir: process.env.CACHE_DIR ?? defaultCacheDir,
    mongodbUri: process.env.MONGODB_URI,
    meiliUrl: process.env.MEILI_URL,
    meiliMasterKey: process.env.MEILI_MASTER_KEY,
    meiliBinary: process.env.MEILI_BINARY,
    smtpUrl: process.env.SMTP_URL,
    log,
  });
  process.env.TB_TEST_MONGODB_URI = services.mongodbUri;
  process.env.TB_TEST_MEILI_URL = services.meiliUrl;
  process.env.TB_TEST_MEILI_KEY = services.meiliMasterKey;
  process.env.TB_TEST_DB_ENGINE = services.dbEngine;
  // Tests read the mails the app sent from the catcher's API (tests/helpers/mailbox.ts).
  process.env.TB_TEST_SMTP_URL = services.smtpUrl ?? '';
  process.env.TB_TEST_MAIL_URL = services.mailWebUrl ?? '';
  process.env.TB_TEST_DATA_DIR = dataDir;
  (globalThis as Record<string, unknown>).__TB_SERVICES__ = { services, dataDir };
}
