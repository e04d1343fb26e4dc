import type { QueryClient } from '@tanstack/react-query';
import type { LandingDto, ListingType } from '@techbridge/shared';
import { getListing } from './api/listings';
import { queryKeys } from './api/queryKeys';
import { searchListings } from './api/search';
import { hasSessionHint } from './auth/sessionHint';
import { parseSearchState, toApiQuery } from './pages/search/searchState';

/**
 * The server pre-renders what a visitor first sees on the public pages
 * (server/src/modules/seo) inside #root, with the data it showed as JSON.
 * The app starts from that data and replaces the pre-rendered view only once
 * its own first view is ready, so the page does not flash a loader.
 */
export function seedFromPrerendered(queryClient: QueryClient): void {
  const script = document.getElementById('tb-prerendered');
  if (!script) return;
  try {
    const data = JSON.parse(script.textContent ?? '{}') as { landing?: LandingDto };
    if (data.landing) queryClient.setQueryData(queryKeys.landing, data.landing);
  } catch {
    // Malformed data only costs a request.
  }
  script.remove();
}

/**
 * The first data of a pre-rendered page is fetched while the app's code
 * loads, so that the app's first render already has it and renders in slices
 * (a transition) instead of re-rendering the whole page at once when the
 * answer arrives: a search page's results (the same query the page makes),
 * and a listing for a visitor without a session (a signed-in viewer's key
 * depends on who they are, known once the session is restored: the page
 * fetches it then).
 */
export function prefetchFirstPage(queryClient: QueryClient): Promise<void> {
  if (!document.getElementById('root')?.hasAttribute('data-prerendered')) return Promise.resolve();
  const { pathname, search } = window.location;
  // prefetchQuery never throws: a failure is the page's own to show (it fetches again).
  if (pathname === '/search') {
    const query = toApiQuery(parseSearchState(new URLSearchParams(search)));
    return queryClient.prefetchQuery({
      queryKey: queryKeys.search(query),
      queryFn: ({ signal }) => searchListings(query, signal),
    });
  }
  const listing = /^\/(offer|demand)s\/([a-f0-9]{24})$/i.exec(pathname);
  if (!listing || hasSessionHint()) return Promise.resolve();
  const type = listing[1] as ListingType;
  const id = listing[2];
  return queryClient.prefetchQuery({
    queryKey: queryKeys.listing(type, id, null),
    queryFn: ({ signal }) => getListing(type, id, signal),
  });
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Waits until no query has been fetching for `quietMs` (or `maxMs` passed). */
async function settled(queryClient: QueryClient, quietMs = 120, maxMs = 4_000): Promise<void> {
  const deadline = performance.now() + maxMs;
  let quietSince = performance.now();
  while (performance.now() < deadline) {
    await nextFrame();
    if (queryClient.isFetching() > 0) quietSince = performance.now();
    else if (performance.now() - quietSince >= quietMs) return;
  }
}

/**
 * Renders the app into the root. With a pre-rendered view, the app renders
 * into a new, detached root first, which takes the old one's place when its
 * data has arrived.
 */
export async function mountApp(queryClient: QueryClient, render: (container: HTMLElement) => void): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('Missing #root element in index.html');
  if (!container.hasAttribute('data-prerendered')) {
    render(container);
    return;
  }
  const fresh = document.createElement('div');
  fresh.className = container.className;
  render(fresh);
  await settled(queryClient);
  container.replaceWith(fresh);
  fresh.id = 'root';
}
