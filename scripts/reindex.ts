/** `npm run reindex`: rebuilds the search index from MongoDB, with progress. */
import { reindexAll } from '../server/src/modules/search/reindex';
import { progressBar } from './lib/progress';
import { withRuntime } from './lib/runtime';

void withRuntime(async ({ ctx, workers }) => {
  const bar = progressBar('Reindexing listings');
  const { indexed, ms } = await reindexAll(ctx.db, ctx.search, workers.searchSync, (done, total) =>
    bar.update(done, total),
  );
  bar.done(`Indexed ${indexed} published listing(s) in ${(ms / 1000).toFixed(1)} s`);
}).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
