import type { QueryClient } from '@tanstack/react-query';
import type { LandingDto } from '@techbridge/shared';
import { queryKeys } from './api/queryKeys';

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
