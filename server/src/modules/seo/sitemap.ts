import type { ListingType } from '@techbridge/shared';
import type { AppContext } from '../../context';
import { escapeHtml } from '../../platform/http/pages';
import { LISTINGS_INDEX, type ListingSearchDoc, searchDocId } from '../search/listingsIndex';

/** What a listing's page shows before the app runs, read from the index (published listings only). */
type PublicListing = Pick<
  ListingSearchDoc,
  'type' | 'lang' | 'title' | 'summary' | 'orgId' | 'orgName' | 'province' | 'sectors'
> & { image?: string };

const publicFields = ['type', 'lang', 'title', 'summary', 'orgId', 'orgName', 'province', 'sectors', 'image'];

const index = (ctx: AppContext) => ctx.search.client.index<ListingSearchDoc>(ctx.search.indexName(LISTINGS_INDEX));

/** Meilisearch's "no such document", however deep the client wrapped it. */
function notFound(err: unknown): boolean {
  for (
    let e = err as { code?: string; status?: number; cause?: unknown } | undefined, depth = 0;
    e && depth < 4;
    depth++
  ) {
    if (e.code === 'document_not_found' || e.status === 404) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/** A published listing by its id (one document by its key), or null when the index does not hold it. */
export async function publishedListing(ctx: AppContext, type: ListingType, id: string): Promise<PublicListing | null> {
  try {
    const doc = (await index(ctx).getDocument(searchDocId(type, id), {
      fields: publicFields as never,
    })) as PublicListing;
    return doc.type === type ? doc : null;
  } catch (err) {
    if (notFound(err)) return null;
    throw err;
  }
}

const PAGE = 1000;
const FRESH_MS = 10 * 60_000;
const cache = new WeakMap<AppContext['search'], { at: number; xml: Promise<string> }>();

async function build(ctx: AppContext, origin: string): Promise<string> {
  const urls: { loc: string; lastmod?: string }[] = [
    { loc: `${origin}/` },
    { loc: `${origin}/search` },
    { loc: `${origin}/events` },
  ];
  const orgs = new Map<string, number>();
  for (let offset = 0; ; offset += PAGE) {
    const page = await index(ctx).getDocuments({
      fields: ['listingId', 'type', 'orgId', 'publishedAt'],
      limit: PAGE,
      offset,
    });
    for (const doc of page.results) {
      const lastmod = doc.publishedAt ? new Date(doc.publishedAt).toISOString().slice(0, 10) : undefined;
      urls.push({ loc: `${origin}/${doc.type}s/${doc.listingId}`, lastmod });
      orgs.set(doc.orgId, Math.max(orgs.get(doc.orgId) ?? 0, doc.publishedAt ?? 0));
    }
    if (page.results.length < PAGE) break;
  }
  for (const [orgId, at] of orgs) {
    urls.push({
      loc: `${origin}/organizations/${orgId}`,
      lastmod: at ? new Date(at).toISOString().slice(0, 10) : undefined,
    });
  }
  const entries = urls.map(
    (u) => `  <url><loc>${escapeHtml(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</urlset>\n`;
}

/**
 * The sitemap: the public pages, every published listing and the
 * organisations that publish them, read from the search index (which holds
 * published listings only) and kept for ten minutes.
 */
export function sitemapXml(ctx: AppContext, origin: string): Promise<string> {
  let entry = cache.get(ctx.search);
  if (!entry || Date.now() - entry.at > FRESH_MS) {
    entry = { at: Date.now(), xml: build(ctx, origin) };
    cache.set(ctx.search, entry);
    entry.xml.catch(() => cache.delete(ctx.search));
  }
  return entry.xml;
}

/** Forgets the cached sitemap (tests). */
export function forgetSitemap(ctx: AppContext): void {
  cache.delete(ctx.search);
}
