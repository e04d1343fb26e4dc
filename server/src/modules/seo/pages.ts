import { type ListingType, searchQuerySchema } from '@techbridge/shared';
import type { Request } from 'express';
import type { AppContext } from '../../context';
import type { PageRenderer, PrerenderedPage } from '../../platform/http/pages';
import { landingSummary } from '../landing/summary';
import { organizationStore } from '../organizations/store';
import { profileFor } from '../organizations/view';
import { searchListings } from '../search/query';
import { framed, landingHtml, listingHtml, organizationHtml, searchHtml } from './html';
import { publishedListing, sitemapXml } from './sitemap';
import { type PageLang, translate } from './text';

const PRERENDERED_HITS = 10;
const objectId = /^[a-f0-9]{24}$/i;

/** The page's language: ?lang=, else the app's choice (the tb.lang cookie), else Vietnamese. */
function langOf(req: Request): PageLang {
  const asked = typeof req.query.lang === 'string' ? req.query.lang : req.cookies?.['tb.lang'];
  return asked === 'en' ? 'en' : 'vi';
}

const clip = (text: string, max = 200) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/**
 * The public pages as a visitor arriving from a shared link or a search
 * engine first sees them: the landing page, search results and published
 * listings get their head (title, description, canonical, Open Graph and
 * Twitter tags) and a pre-rendered first view. Everything comes from the
 * search index, which holds published listings only: a draft, a listing
 * awaiting moderation or a confidential field can never appear here.
 */
export function sitePages(ctx: AppContext): PageRenderer {
  const origin = ctx.config.publicUrl;
  const defaultImage = `${origin}/og-image.png`;
  const absolute = (url: string) =>
    /^https?:\/\//.test(url) ? url : `${origin}${url.startsWith('/') ? '' : '/'}${url}`;

  function basic(lang: PageLang, path: string, extra: Partial<PrerenderedPage> = {}): PrerenderedPage {
    return {
      lang,
      title: translate(lang, 'meta.homeTitle'),
      description: translate(lang, 'landing.seo.description'),
      canonical: `${origin}${path}`,
      image: defaultImage,
      type: 'website',
      ...extra,
    };
  }

  async function listingPage(lang: PageLang, type: ListingType, id: string): Promise<PrerenderedPage> {
    const path = `/${type}s/${id}`;
    const doc = objectId.test(id) ? await publishedListing(ctx, type, id) : null;
    // Not published (a draft, pending, archived, removed) or unknown: the app's own page, nothing about the listing.
    if (!doc) return basic(lang, path, { robots: 'noindex' });
    return basic(lang, path, {
      title: translate(lang, 'meta.title', { page: doc.title }),
      description: clip(doc.summary),
      image: doc.image ? absolute(doc.image) : defaultImage,
      type: 'article',
      body: framed(lang, listingHtml(lang, doc)),
    });
  }

  async function searchPage(lang: PageLang, req: Request): Promise<PrerenderedPage> {
    const { lang: _ignored, ...params } = req.query as Record<string, unknown>;
    const parsed = searchQuerySchema.safeParse(params);
    const q = parsed.success ? parsed.data.q : '';
    const title = q ? translate(lang, 'landing.seo.searchFor', { q }) : translate(lang, 'landing.seo.searchTitle');
    const canonical = q ? `/search?q=${encodeURIComponent(q)}` : '/search';
    const page = basic(lang, canonical, {
      title: translate(lang, 'meta.title', { page: title }),
      description: translate(lang, 'landing.seo.searchDescription'),
    });
    if (!parsed.success) return page;
    const result = await searchListings(ctx.search, {
      ...parsed.data,
      limit: Math.min(parsed.data.limit, PRERENDERED_HITS),
    });
    return { ...page, body: framed(lang, searchHtml(lang, q, result)) };
  }

  /** An active organisation's public profile and newest published listings (as an anonymous visitor sees them). */
  async function organizationPage(lang: PageLang, id: string): Promise<PrerenderedPage> {
    const path = `/organizations/${id}`;
    const org = objectId.test(id) ? await organizationStore(ctx.db).findById(id) : null;
    if (org?.status !== 'active') return basic(lang, path, { robots: 'noindex' });
    const [profile, listings] = await Promise.all([
      profileFor(ctx, org, null),
      searchListings(ctx.search, { ...searchQuerySchema.parse({ org: id, sort: 'newest' }), limit: PRERENDERED_HITS }),
    ]);
    return basic(lang, path, {
      title: translate(lang, 'meta.title', { page: profile.name }),
      description: clip(profile.description ?? translate(lang, 'landing.seo.description')),
      image: profile.logoUrl ? absolute(profile.logoUrl) : defaultImage,
      body: framed(lang, organizationHtml(lang, profile, listings.hits)),
    });
  }

  return {
    async page(req) {
      const lang = langOf(req);
      const path = req.path;
      if (path === '/') {
        const data = await landingSummary(ctx);
        return basic(lang, '/', { body: framed(lang, landingHtml(lang, data)), data: { landing: data } });
      }
      if (path === '/search') return searchPage(lang, req);
      const listing = /^\/(offer|demand)s\/([^/]+)$/.exec(path);
      if (listing && listing[2] !== 'new') return listingPage(lang, listing[1] as ListingType, listing[2]);
      const organization = /^\/organizations\/([^/]+)$/.exec(path);
      if (organization) return organizationPage(lang, organization[1]);
      return basic(lang, path);
    },
    robots: () =>
      [
        'User-agent: *',
        'Allow: /',
        'Disallow: /api/',
        'Disallow: /app',
        'Disallow: /admin',
        'Disallow: /deals',
        'Disallow: /matches',
        'Disallow: /notifications',
        '',
        `Sitemap: ${origin}/sitemap.xml`,
        '',
      ].join('\n'),
    sitemap: () => sitemapXml(ctx, origin),
  };
}
