/** `npm run reindex`: rebuilds the search index from MongoDB, with progress. */
import { progressBar } from './lib/progress';
import { withContext } from './lib/runtime';

void withContext(async (ctx) => {
  const bar = progressBar('Reindexing listings');
  const { indexed, ms } = await ctx.searchSync.reindexAll((done, total) => bar.update(done, total));
  bar.done(`Indexed ${indexed} published listing(s) in ${(ms / 1000).toFixed(1)} s`);
}).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
