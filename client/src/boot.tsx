import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { i18nReady } from './i18n';
import { mountApp, prefetchFirstPage, seedFromPrerendered } from './prerendered';
import { queryClient } from './queryClient';
import { router } from './router';

/** The router is ready once the first page's code (a lazy route) has loaded. */
const routerReady = new Promise<void>((resolve) => {
  if (router.state.initialized) return resolve();
  const stop = router.subscribe((state) => {
    if (state.initialized) {
      stop();
      resolve();
    }
  });
});

/** Starts the app (after the first paint of a pre-rendered page: see main.tsx). */
export async function boot(): Promise<void> {
  seedFromPrerendered(queryClient);
  await Promise.all([i18nReady, routerReady, prefetchFirstPage(queryClient)]);
  await mountApp(queryClient, (container) => {
    const root = createRoot(container);
    // A transition renders in slices, yielding to the browser: a phone stays responsive while the app starts.
    startTransition(() =>
      root.render(
        <StrictMode>
          <App />
        </StrictMode>,
      ),
    );
  });
}
