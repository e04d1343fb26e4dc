import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration, useLocation } from 'react-router';
import { useAuth } from '../../auth/useAuth';
import { ConnectionIndicator } from '../../realtime/ConnectionIndicator';
import { RealtimeSync } from '../../realtime/RealtimeSync';
import { ToastProvider } from '../toast/ToastProvider';
import { PageLoader } from '../ui';
import { Footer } from './Footer';
import { Header } from './Header';
import { VerifyEmailBanner } from './VerifyEmailBanner';

/** Page frame: skip link, header, main landmark and footer around the routed page, plus toasts and live updates. */
export function AppShell() {
  const { t } = useTranslation();
  const { status } = useAuth();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(pathname);

  // After client-side navigation, move focus to the new page so screen readers start there.
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <ToastProvider>
      <div className="app">
        <a className="skip-link" href="#main">
          {t('a11y.skipToContent')}
        </a>
        <Header />
        {status === 'authenticated' && <VerifyEmailBanner />}
        <main id="main" className="app__main" ref={mainRef} tabIndex={-1}>
          {/* Lazily loaded pages show a loader inside the frame while their code arrives. */}
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </main>
        <Footer />
        <ScrollRestoration />
        {status === 'authenticated' && (
          <>
            <RealtimeSync />
            <ConnectionIndicator />
          </>
        )}
      </div>
    </ToastProvider>
  );
}
