import { type ListingType, listingTypes } from '@techbridge/shared';
import type { AppContext } from '../context';
import { accountStore } from '../modules/accounts/store';
import { attachListingImage } from '../modules/listings/commands/images';
import { listingsOf } from '../modules/listings/view';
import { organizationStore } from '../modules/organizations/store';
import { svgRenderer } from '../platform/files/svgRenderer';
import { mapLimit } from '../platform/lib/mapLimit';
import { coverSvg } from './coverSvg';
import { worldOrganizations } from './world';

/** The e-mails of the demo organisations' owners (the demo world's people include the demo accounts). */
function demoEmails(): string[] {
  return [...new Set(worldOrganizations.map((o) => o.members[0].email.toLowerCase()))];
}

/**
 * Gives every published listing of the demo organisations that has no image a
 * generated cover (see coverSvg.ts), rendered by sharp and stored through the
 * same command as an upload. Deterministic (the picture depends only on the
 * listing's title, sectors and organisation) and idempotent: a listing that
 * has an image, generated or uploaded, is left alone.
 */
export async function seedDemoCovers(ctx: AppContext, emails: string[] = demoEmails()): Promise<number> {
  const orgIds = new Set<string>();
  for (const email of emails) {
    const user = await accountStore(ctx.db).findUserByEmail(email);
    if (user?.organizationId) orgIds.add(String(user.organizationId));
  }
  let created = 0;
  const renderer = svgRenderer(ctx.config.dataDir);
  try {
    for (const orgId of orgIds) {
      const org = await organizationStore(ctx.db).findById(orgId);
      if (!org) continue;
      for (const type of listingTypes as readonly ListingType[]) {
        const bare = (await listingsOf(ctx, type, orgId, 'published')).filter((l) => !l.images?.length);
        // Two at a time: the renderer works on one while the other is recorded.
        await mapLimit(bare, 2, async (listing) => {
          const svg = coverSvg({ title: listing.title, organizationName: org.name, sectors: listing.sectors });
          await attachListingImage(ctx, type, listing, await renderer.store(svg), { generated: true });
          created += 1;
        });
      }
    }
  } finally {
    renderer.close();
  }
  if (created) ctx.log.info(`Generated ${created} demo cover(s)`);
  return created;
}
