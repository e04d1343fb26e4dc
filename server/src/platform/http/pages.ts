import type { Request } from 'express';

/** A page's head and, for what a visitor and a search engine see first, its pre-rendered main content. */
export interface PrerenderedPage {
  lang: 'vi' | 'en';
  title: string;
  description: string;
  /** Absolute URLs. */
  canonical: string;
  image: string;
  type: 'website' | 'article';
  /** HTML (escaped by the renderer) shown inside #root until the app takes over. */
  body?: string;
  /** Data the app starts from (public only), as JSON in a non-executed script element. */
  data?: unknown;
  /** e.g. 'noindex' for pages that are not for search engines. */
  robots?: string;
  status?: number;
}

/** What the site's pages need from the modules: the page for a path, robots.txt, the sitemap. */
export interface PageRenderer {
  page(req: Request): Promise<PrerenderedPage | null>;
  robots(req: Request): string;
  sitemap(req: Request): Promise<string>;
}

/** Text for HTML content and attribute values. */
export const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/**
 * JSON with <, > and & written as \u003c…: it cannot close a script element or open a comment, and an API answer
 * is never read as markup (the app's `json escape`; see mount.ts's answerJson). Three native replacements rather
 * than one with a callback per character: a search page's highlights hold ~160 of them.
 */
export const safeJson = (value: unknown) =>
  JSON.stringify(value).replaceAll('<', '\\u003c').replaceAll('>', '\\u003e').replaceAll('&', '\\u0026');

/**
 * index.html with the page's title, description, canonical link, Open
 * Graph and Twitter tags, and its pre-rendered content inside #root.
 */
export function renderPage(template: string, page: PrerenderedPage): string {
  const meta = (attr: 'name' | 'property', key: string, value: string) =>
    `<meta ${attr}="${key}" content="${escapeHtml(value)}" />`;
  const head = [
    `<title>${escapeHtml(page.title)}</title>`,
    meta('name', 'description', page.description),
    `<link rel="canonical" href="${escapeHtml(page.canonical)}" />`,
    ...(page.robots ? [meta('name', 'robots', page.robots)] : []),
    meta('property', 'og:site_name', 'TechBridge'),
    meta('property', 'og:locale', page.lang === 'en' ? 'en_US' : 'vi_VN'),
    meta('property', 'og:type', page.type),
    meta('property', 'og:title', page.title),
    meta('property', 'og:description', page.description),
    meta('property', 'og:url', page.canonical),
    meta('property', 'og:image', page.image),
    meta('name', 'twitter:card', 'summary_large_image'),
    meta('name', 'twitter:title', page.title),
    meta('name', 'twitter:description', page.description),
    meta('name', 'twitter:image', page.image),
  ].join('\n    ');
  const root = page.body
    ? `<div id="root" data-prerendered="${page.lang}">${page.body}</div>` +
      (page.data === undefined
        ? ''
        : `\n    <script type="application/json" id="tb-prerendered">${safeJson(page.data)}</script>`)
    : '<div id="root"></div>';
  return template
    .replace(/<html lang="[^"]*">/, `<html lang="${page.lang}">`)
    .replace(/\s*<title>[\s\S]*?<\/title>/, '')
    .replace(/\s*<meta\s+name="description"[\s\S]*?\/>/, '')
    .replace('</head>', `    ${head}\n  </head>`)
    .replace('<div id="root"></div>', root);
}
