import {
  getProvince,
  type LandingDto,
  labelOf,
  type OrganizationProfileDto,
  organizationTypes,
  type SearchHit,
  type SearchResponse,
  sectors,
} from '@techbridge/shared';
import { escapeHtml as e } from '../../platform/http/pages';
import { type PageLang, translate } from './text';

/**
 * The pre-rendered first view of the public pages: plain HTML with the app's
 * own classes, shown until the app takes over. Only what the search index
 * holds (published listings) is ever rendered here.
 */

const numberFormat = { vi: new Intl.NumberFormat('vi-VN'), en: new Intl.NumberFormat('en-US') };
export const listingPath = (hit: Pick<SearchHit, 'type' | 'id'>) =>
  `/${hit.type === 'offer' ? 'offers' : 'demands'}/${hit.id}`;
const provinceName = (code: string) => getProvince(code)?.name ?? code;

function card(lang: PageLang, hit: SearchHit): string {
  const t = (key: string) => translate(lang, key);
  return `<li><article class="listing-card">
<div class="listing-card__badges"><span class="badge badge--${hit.type === 'offer' ? 'supply' : 'demand'}">${e(
    t(hit.type === 'offer' ? 'landing.newest.offerBadge' : 'landing.newest.demandBadge'),
  )}</span></div>
<h3 class="listing-card__title" lang="${hit.lang}"><a class="listing-card__link" href="${listingPath(hit)}">${e(hit.title)}</a></h3>
<p class="listing-card__summary" lang="${hit.lang}">${e(hit.summary)}</p>
<p class="listing-card__meta"><a class="listing-card__org" href="/organizations/${e(hit.organization.id)}">${e(
    hit.organization.name,
  )}</a> <span lang="vi">${e(provinceName(hit.province))}</span></p>
</article></li>`;
}

const hitList = (lang: PageLang, hits: SearchHit[]) =>
  `<ul class="hit-list hit-list--list">${hits.map((h) => card(lang, h)).join('')}</ul>`;

/**
 * The frame around a pre-rendered view: a plain header (the logo and the
 * public links, which work before the app runs) and the main landmark.
 */
export function framed(lang: PageLang, body: string): string {
  const t = (key: string) => e(translate(lang, key));
  const links: [string, string][] = [
    ['/search', 'nav.search'],
    ['/events', 'nav.events'],
    ['/login', 'nav.signIn'],
    ['/register', 'nav.signUp'],
  ];
  return `<header class="site-header"><div class="container site-header__bar">
<a class="logo" href="/"><img class="logo__mark" src="/favicon.svg" width="36" height="36" alt="" /><span class="logo__text"><span class="logo__name">${t(
    'brand.name',
  )}</span><span class="logo__tagline" lang="vi">${t('brand.tagline')}</span></span></a>
<nav class="static-nav" aria-label="${t('a11y.mainNav')}"><ul class="static-nav__list">${links
    .map(([href, key]) => `<li><a class="site-nav__link" href="${href}">${t(key)}</a></li>`)
    .join('')}</ul></nav>
</div></header>
<main id="main" class="app__main">${body}</main>`;
}

/** The landing page's hero, live counters, newest offers and demands, and sector chips. */
export function landingHtml(lang: PageLang, data: LandingDto): string {
  const t = (key: string, values?: Record<string, string | number>) => translate(lang, key, values);
  const n = (value: number | null) => (value === null ? '—' : numberFormat[lang].format(value));
  const counters: [string, number | null][] = [
    ['offers', data.counters.offers],
    ['demands', data.counters.demands],
    ['deals', data.counters.dealsUnderWay],
    ['provinces', data.counters.provinces],
  ];
  const column = (type: 'offers' | 'demands', hits: SearchHit[]) =>
    `<div class="newest__column"><h3 class="newest__title">${e(t(`landing.newest.${type}`))}</h3>${hitList(lang, hits)}</div>`;
  return `<section class="hero" aria-labelledby="hero-title"><div class="container hero__grid"><div class="hero__copy">
<p class="eyebrow">${e(t('home.hero.eyebrow'))}</p>
<h1 class="hero__title" id="hero-title">${e(t('home.hero.title'))}</h1>
<p class="hero__lead">${e(t('home.hero.lead'))}</p>
</div></div></section>
<section class="live-counters" aria-label="${e(t('landing.counters.label'))}"><dl class="container live-counters__grid">${counters
    .map(
      ([key, value]) =>
        `<div class="live-counters__item"><dt class="live-counters__label">${e(t(`landing.counters.${key}`))}</dt><dd class="live-counters__value">${n(value)}</dd></div>`,
    )
    .join('')}</dl></section>
<section class="section" aria-labelledby="newest-title"><div class="container">
<h2 class="section-heading__title" id="newest-title">${e(t('landing.newest.title'))}</h2>
<div class="newest">${column('offers', data.newest.offers)}${column('demands', data.newest.demands)}</div>
</div></section>
<section class="section" aria-labelledby="sectors-title"><div class="container">
<h2 class="section-heading__title" id="sectors-title">${e(t('home.sectors.title'))}</h2>
<ul class="chips">${sectors
    .map(
      (s) =>
        `<li><a class="chip chip--link" href="/search?sector=${s.code}">${e(s[lang])} <span class="chip__count">${n(
          data.sectors[s.code] ?? 0,
        )}</span></a></li>`,
    )
    .join('')}</ul>
</div></section>`;
}

/**
 * A search page: the app's own header (title, lead, and a search form that
 * works before any script runs), then the result count and first results
 * under the app's (visually hidden) results heading. The same elements as
 * the app's first view, so its takeover neither moves nor enlarges anything.
 */
export function searchHtml(lang: PageLang, q: string, result: SearchResponse): string {
  const t = (key: string, values?: Record<string, string | number>) => e(translate(lang, key, values));
  const count = numberFormat[lang].format(result.total);
  return `<div class="container page search-page">
<header class="search-head">
<h1 class="page-header__title">${t('search.title')}</h1>
<p class="page-header__subtitle">${t('search.lead')}</p>
<search class="search-form"><form action="/search" method="get">
<label class="field__label" for="search-q">${t('search.inputLabel')}</label>
<div class="search-form__row"><input id="search-q" name="q" type="search" class="input search-form__input" value="${e(q)}" placeholder="${t(
    'search.placeholder',
  )}" aria-describedby="search-q-hint" autocomplete="off" enterkeyhint="search" />
<button type="submit" class="btn btn--primary btn--md"><span>${t('search.submit')}</span></button></div>
<p class="field__hint" id="search-q-hint">${t('search.inputHint')}</p>
</form></search>
</header>
<section class="search-results" aria-labelledby="search-results-title">
<h2 class="visually-hidden" id="search-results-title">${t('search.resultsTitle')}</h2>
<div class="search-results__bar"><p class="search-results__count">${t(
    result.total === 1 ? 'search.resultCount_one' : 'search.resultCount_other',
    { count },
  )}</p></div>
${hitList(lang, result.hits)}
</section>
</div>`;
}

/**
 * The cover as the app's gallery shows it: the thumbnail, or the large
 * rendition where the screen is wide or dense enough (the index keeps the
 * thumbnail's URL; the large one is its sibling). The box is the usual 3:2
 * until the image gives its own proportions (the gallery's CSS: height auto).
 */
function cover(thumb: string): string {
  const large = thumb.replace(/\/thumb$/, '/large');
  return `<img class="listing-detail__cover" src="${e(thumb)}" srcset="${e(thumb)} 400w, ${e(
    large,
  )} 1200w" sizes="(min-width: 64rem) 44rem, 100vw" alt="" width="1200" height="800" fetchpriority="high" />`;
}

/** A published listing's title, summary, organisation, place and sectors. */
export function listingHtml(
  lang: PageLang,
  doc: {
    type: 'offer' | 'demand';
    lang?: string;
    title: string;
    summary: string;
    orgId: string;
    orgName: string;
    province: string;
    sectors: string[];
    image?: string;
  },
): string {
  const t = (key: string) => translate(lang, key);
  const textLang = doc.lang === 'en' ? 'en' : 'vi';
  return `<div class="container section"><article class="listing-detail">
<p class="eyebrow">${e(t(doc.type === 'offer' ? 'landing.newest.offerBadge' : 'landing.newest.demandBadge'))}</p>
<h1 class="page-title" lang="${textLang}">${e(doc.title)}</h1>
${doc.image ? cover(doc.image) : ''}
<p class="listing-detail__summary" lang="${textLang}">${e(doc.summary)}</p>
<p class="listing-card__meta"><a href="/organizations/${e(doc.orgId)}">${e(doc.orgName)}</a> <span lang="vi">${e(
    provinceName(doc.province),
  )}</span></p>
<ul class="tag-list">${doc.sectors.map((c) => `<li class="tag">${e(labelOf(sectors, c, lang))}</li>`).join('')}</ul>
</article></div>`;
}

/**
 * An organisation's public profile: name, type, province, founding year,
 * description, sectors and expertise, its live-listing figures, and its
 * newest published listings (from the index). No contact details: those are
 * for signed-in visitors.
 */
export function organizationHtml(
  lang: PageLang,
  org: Pick<
    OrganizationProfileDto,
    | 'name'
    | 'type'
    | 'province'
    | 'verified'
    | 'foundedYear'
    | 'description'
    | 'sectors'
    | 'expertise'
    | 'logoUrl'
    | 'stats'
  >,
  listings: SearchHit[],
): string {
  const t = (key: string, values?: Record<string, string | number>) => e(translate(lang, key, values));
  const n = (value: number) => numberFormat[lang].format(value);
  const logo = org.logoUrl
    ? `<img class="org-logo org-logo--lg" src="${e(org.logoUrl)}" alt="" width="96" height="96" />`
    : '';
  const facts = [
    `<li><span class="badge badge--${org.verified ? 'success' : 'warning'}">${t(
      org.verified ? 'account.organization.verified' : 'account.organization.unverified',
    )}</span></li>`,
    `<li lang="vi">${e(provinceName(org.province))}</li>`,
    org.foundedYear === null ? '' : `<li>${t('orgProfile.foundedIn', { year: String(org.foundedYear) })}</li>`,
  ].join('');
  const stats = (['offers', 'demands', 'completedDeals'] as const)
    .map(
      (key) =>
        `<div class="org-stats__item"><dt>${t(`orgProfile.stats.${key}`)}</dt><dd>${n(org.stats[key])}</dd></div>`,
    )
    .join('');
  const sectorChips = org.sectors.length
    ? `<h3 class="listing-subtitle">${t('orgProfile.sectors')}</h3><ul class="chips org-chips">${org.sectors
        .map(
          (c) =>
            `<li><a class="chip chip--link" href="/search?sector=${e(c)}">${e(labelOf(sectors, c, lang))}</a></li>`,
        )
        .join('')}</ul>`
    : '';
  const expertise = org.expertise.length
    ? `<h3 class="listing-subtitle">${t('orgProfile.expertise')}</h3><ul class="tag-list">${org.expertise
        .map((item) => `<li class="tag">${e(item)}</li>`)
        .join('')}</ul>`
    : '';
  return `<div class="container page org-page">
<header class="org-hero">${logo}<div class="org-hero__text">
<p class="eyebrow">${e(labelOf(organizationTypes, org.type, lang).split(' (')[0])}</p>
<h1 class="page-header__title org-hero__name">${e(org.name)}</h1>
<ul class="org-hero__facts">${facts}</ul></div>
<dl class="org-stats">${stats}</dl>
</header>
<section class="card org-about" aria-labelledby="org-about-title">
<h2 class="card__title" id="org-about-title">${t('orgProfile.about')}</h2>
${org.description ? `<p class="prose org-about__description">${e(org.description)}</p>` : `<p class="muted">${t('orgProfile.noDescription')}</p>`}
${sectorChips}${expertise}
</section>
<section class="dashboard-section" aria-labelledby="org-listings-title">
<h2 class="section-title" id="org-listings-title">${t('organization.listings')}</h2>
${listings.length ? hitList(lang, listings) : `<p class="muted">${t('organization.noListings')}</p>`}
</section>
</div>`;
}
