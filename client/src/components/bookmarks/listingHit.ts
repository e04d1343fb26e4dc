import type { ListingDto, SearchHit } from '@techbridge/shared';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);

/** A listing as a search hit, so a saved listing shows as the same card as in search (nothing highlighted). */
export function listingToHit(listing: ListingDto): SearchHit {
  const summary = listing.type === 'offer' ? listing.summary : listing.problem;
  return {
    id: listing.id,
    type: listing.type,
    lang: listing.lang,
    title: listing.title,
    summary,
    organization: { id: listing.organization.id, name: listing.organization.name },
    sectors: listing.sectors,
    province: listing.province,
    image: listing.images?.[0]?.thumbUrl ?? null,
    trl: listing.type === 'offer' ? listing.trl : (listing.trlMin ?? null),
    ipStatus: listing.type === 'offer' ? listing.ip.status : null,
    transferModes: listing.transferModes,
    publishedAt: listing.publishedAt,
    highlight: { title: escapeHtml(listing.title), summary: escapeHtml(summary) },
  };
}
