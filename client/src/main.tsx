import './styles/index.css';

/**
 * The entry point stays tiny. On a page the server pre-rendered (the
 * landing, search and listing pages: readable, with working links, before
 * any script runs), the app's code is downloaded and started once the page
 * has loaded and the browser has had a moment (`BOOT_DELAY_MS`), or at once
 * when the visitor interacts; elsewhere the app starts immediately.
 */
const BOOT_DELAY_MS = 1_500;
const interactions = ['pointerdown', 'keydown', 'touchstart', 'focusin'] as const;

function whenToStart(): Promise<void> {
  const prerendered = document.getElementById('root')?.hasAttribute('data-prerendered') ?? false;
  if (!prerendered) return Promise.resolve();
  return new Promise<void>((resolve) => {
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      for (const type of interactions) window.removeEventListener(type, start, true);
      resolve();
    };
    for (const type of interactions) window.addEventListener(type, start, { capture: true, passive: true });
    const afterLoad = () =>
      setTimeout(() => {
        if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 1_000 });
        else start();
      }, BOOT_DELAY_MS);
    if (document.readyState === 'complete') afterLoad();
    else window.addEventListener('load', afterLoad, { once: true });
  });
}

/** Lets the browser handle input and paint before the next step. */
const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The app's code, evaluated a library at a time, each in its own task: one
 * import of everything would compile and run half a megabyte of script in a
 * single long task, which a phone's visitor feels as a frozen page. Each
 * step only warms the module graph; `./boot` then finds them evaluated.
 */
// React on its own (it is CommonJS: nothing of it is left out either way), then the app's own modules
// (not libraries such as react-router: a dynamic import of a library keeps every export it has).
const stages: (() => Promise<unknown>)[] = [
  () => import('react-dom/client'),
  () => import('./queryClient'),
  () => import('./i18n'),
  () => import('./router'),
  () => import('./boot'),
];

async function start(): Promise<void> {
  await whenToStart();
  for (const stage of stages) {
    await stage();
    await yieldToBrowser();
  }
  const { boot } = await import('./boot');
  await boot();
}

void start();
