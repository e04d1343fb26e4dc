import type { AppContext } from '../context';
import { seedDemoCovers } from './covers';
import { seedDemoEvents } from './events';
import { seedDemoListings } from './seed';

/**
 * What the demo shows besides its accounts, seeded after the server answers:
 * the listings, the events (issue 17: their own data file and entry point),
 * then a generated cover for every published demo listing without an image
 * (issue 18). Resolves true when everything is in place, false when a
 * shutdown stopped it first.
 */
export async function seedDemoContent(ctx: AppContext): Promise<boolean> {
  await seedDemoListings(ctx);
  if (ctx.lifecycle.draining) return false;
  await seedDemoEvents(ctx);
  if (ctx.lifecycle.draining) return false;
  await seedDemoCovers(ctx);
  return !ctx.lifecycle.draining;
}
