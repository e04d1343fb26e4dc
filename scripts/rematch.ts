/** `npm run rematch`: recomputes every listing's matches, with progress. */
import { rematchAll } from '../server/src/modules/matching/rematch';
import { progressBar } from './lib/progress';
import { withRuntime } from './lib/runtime';

void withRuntime(async ({ ctx, workers }) => {
  const bar = progressBar('Rematching listings');
  const { listings, ms } = await rematchAll(ctx.db, workers.matcher, (done, total) => bar.update(done, total));
  await workers.outbox.settled(120_000);
  bar.done(`Rematched ${listings} listing(s) in ${(ms / 1000).toFixed(1)} s`);
}).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
