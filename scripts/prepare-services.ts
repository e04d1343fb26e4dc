/**
 * Prepares the embedded services ahead of a first start or a CI run: builds
 * FerretDB into the project cache (with progress) and checks the Meilisearch
 * binary. `npm start` and `npm test` do the same on demand; this only moves
 * the wait to a step of its own.
 */
import { defaultCacheDir } from '../server/src/platform/services';
import { ensureFerretdb } from '../server/src/platform/services/ferretdb';
import { findMeiliBinary } from '../server/src/platform/services/meili';

const log = { info: console.log, warn: console.warn, error: console.error };

void (async () => {
  const cacheDir = process.env.CACHE_DIR ?? defaultCacheDir;
  if (!process.env.MONGODB_URI) console.log(`FerretDB: ${await ensureFerretdb(cacheDir, log)}`);
  if (!process.env.MEILI_URL) console.log(`Meilisearch: ${findMeiliBinary(process.env.MEILI_BINARY)}`);
})().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
