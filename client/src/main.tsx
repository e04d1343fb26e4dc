import './styles/index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { i18nReady } from './i18n';
import { mountApp, seedFromPrerendered } from './prerendered';
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

seedFromPrerendered(queryClient);
void Promise.all([i18nReady, routerReady]).then(() =>
  mountApp(queryClient, (container) =>
    createRoot(container).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  ),
);
