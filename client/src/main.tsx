import './styles/index.css';

/**
 * The entry point stays tiny. On a page the server pre-rendered (the
 * landing, search and listing pages), the browser paints that HTML first and
 * only then downloads and starts the app; elsewhere the app starts at once.
 */
const prerendered = document.getElementById('root')?.hasAttribute('data-prerendered') ?? false;
const painted = prerendered
  ? new Promise<void>((resolve) => {
      requestAnimationFrame(() => setTimeout(resolve, 0));
      // Frames do not run in a background tab: start anyway.
      setTimeout(resolve, 250);
    })
  : Promise.resolve();

void painted.then(() => import('./boot')).then((m) => m.boot());
