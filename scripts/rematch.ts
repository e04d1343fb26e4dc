/** `npm run rematch`: recomputes every listing's matches, with progress. */
import { progressBar } from './lib/progress';
import { withContext } from './lib/runtime';

void withContext(async (ctx) => {
  const bar = progressBar('Rematching listings');
  const { listings, ms } = await ctx.matcher.rematchAll((done, total) => bar.update(done, total));
  await ctx.events.settled(120_000);
  const active = await ctx.db.models.Match.countDocuments({ active: true });
  bar.done(`Rematched ${listings} listing(s) in ${(ms / 1000).toFixed(1)} s; ${active} active match(es)`);
}).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
