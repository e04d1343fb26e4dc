import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { GuestOnly } from './auth/GuestOnly';
import { RequireAdmin } from './auth/RequireAdmin';
import { RequireAuth } from './auth/RequireAuth';
import { RequireStatsAccess } from './auth/RequireStatsAccess';
import { AppShell } from './components/layout/AppShell';
import { NotFoundPage } from './pages/NotFoundPage';
import { RouteErrorPage } from './pages/RouteErrorPage';

// Heavier pages load on demand (AppShell wraps the outlet in Suspense).
/**
 * The pages a visitor lands on from a link or a search engine (the landing,
 * search and listing pages, pre-rendered by the server) are route-level lazy:
 * the router loads their code before its first render, so the app replaces
 * the pre-rendered view with the page itself, never with a loader.
 */
const listingPages = () => import('./pages/listing/ListingDetailPage');
const landingPages = {
  home: async () => ({ Component: (await import('./pages/HomePage')).HomePage }),
  search: async () => ({ Component: (await import('./pages/search/SearchPage')).SearchPage }),
  offer: async () => ({ Component: (await listingPages()).OfferDetailPage }),
  demand: async () => ({ Component: (await listingPages()).DemandDetailPage }),
};
// Forms (and zod, through the shared schemas) stay out of the first page's bundle.
const AccountPage = lazy(() => import('./pages/AccountPage').then((m) => ({ default: m.AccountPage })));
const ForgotPasswordPage = lazy(() =>
  import('./pages/auth/ForgotPasswordPage').then((m) => ({ default: m.ForgotPasswordPage })),
);
const InvitationPage = lazy(() => import('./pages/auth/InvitationPage').then((m) => ({ default: m.InvitationPage })));
const ResetPasswordPage = lazy(() =>
  import('./pages/auth/ResetPasswordPage').then((m) => ({ default: m.ResetPasswordPage })),
);
const UnsubscribePage = lazy(() =>
  import('./pages/auth/UnsubscribePage').then((m) => ({ default: m.UnsubscribePage })),
);
const VerifyEmailPage = lazy(() =>
  import('./pages/auth/VerifyEmailPage').then((m) => ({ default: m.VerifyEmailPage })),
);
const LoginPage = lazy(() => import('./pages/LoginPage').then((m) => ({ default: m.LoginPage })));
const RegisterPage = lazy(() => import('./pages/RegisterPage').then((m) => ({ default: m.RegisterPage })));
const formPages = () => import('./pages/listing-form/ListingFormPage');
const OfferNewPage = lazy(() => formPages().then((m) => ({ default: m.OfferNewPage })));
const DemandNewPage = lazy(() => formPages().then((m) => ({ default: m.DemandNewPage })));
const OfferEditPage = lazy(() => formPages().then((m) => ({ default: m.OfferEditPage })));
const DemandEditPage = lazy(() => formPages().then((m) => ({ default: m.DemandEditPage })));
const OrganizationPage = lazy(() =>
  import('./pages/organization/OrganizationPage').then((m) => ({ default: m.OrganizationPage })),
);
const OrganizationProfileEditPage = lazy(() =>
  import('./pages/organization/OrganizationProfileEditPage').then((m) => ({ default: m.OrganizationProfileEditPage })),
);
const SavedPage = lazy(() => import('./pages/saved/SavedPage').then((m) => ({ default: m.SavedPage })));
const MatchesPage = lazy(() => import('./pages/matches/MatchesPage').then((m) => ({ default: m.MatchesPage })));
const DealsPage = lazy(() => import('./pages/deals/DealsPage').then((m) => ({ default: m.DealsPage })));
const DealRoomPage = lazy(() => import('./pages/deals/DealRoomPage').then((m) => ({ default: m.DealRoomPage })));
const ProposalFormPage = lazy(() =>
  import('./pages/proposals/ProposalFormPage').then((m) => ({ default: m.ProposalFormPage })),
);
const ProposalsComparePage = lazy(() =>
  import('./pages/proposals/ProposalsComparePage').then((m) => ({ default: m.ProposalsComparePage })),
);
const MandatePage = lazy(() => import('./pages/broker/MandatePage').then((m) => ({ default: m.MandatePage })));
const BrokerPage = lazy(() => import('./pages/broker/BrokerPage').then((m) => ({ default: m.BrokerPage })));
const NotificationsPage = lazy(() =>
  import('./pages/notifications/NotificationsPage').then((m) => ({ default: m.NotificationsPage })),
);
const AdminPage = lazy(() => import('./pages/admin/AdminPage').then((m) => ({ default: m.AdminPage })));
const StatsPage = lazy(() => import('./pages/stats/StatsPage').then((m) => ({ default: m.StatsPage })));
const eventPages = () => import('./pages/events/pages');
const EventsPage = lazy(() => eventPages().then((m) => ({ default: m.EventsPage })));
const EventDetailPage = lazy(() => eventPages().then((m) => ({ default: m.EventDetailPage })));
const EventFormPage = lazy(() => eventPages().then((m) => ({ default: m.EventFormPage })));
const AgendaPage = lazy(() => eventPages().then((m) => ({ default: m.AgendaPage })));
const OrganizerConsolePage = lazy(() => eventPages().then((m) => ({ default: m.OrganizerConsolePage })));
const ImportPage = lazy(() => import('./pages/import/ImportPage').then((m) => ({ default: m.ImportPage })));

export const router = createBrowserRouter([
  {
    element: <AppShell />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, lazy: landingPages.home },
      { path: 'search', lazy: landingPages.search },
      { path: 'offers/:id', lazy: landingPages.offer },
      { path: 'demands/:id', lazy: landingPages.demand },
      { path: 'organizations/:id', element: <OrganizationPage /> },
      { path: 'events', element: <EventsPage /> },
      { path: 'events/:id', element: <EventDetailPage /> },
      // Links from mails: they work signed in or not.
      { path: 'verify-email', element: <VerifyEmailPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      { path: 'invitation', element: <InvitationPage /> },
      { path: 'unsubscribe', element: <UnsubscribePage /> },
      {
        element: <GuestOnly />,
        children: [
          { path: 'login', element: <LoginPage /> },
          { path: 'register', element: <RegisterPage /> },
          { path: 'forgot-password', element: <ForgotPasswordPage /> },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          { path: 'app', element: <AccountPage /> },
          { path: 'offers/new', element: <OfferNewPage /> },
          { path: 'demands/new', element: <DemandNewPage /> },
          { path: 'offers/:id/edit', element: <OfferEditPage /> },
          { path: 'demands/:id/edit', element: <DemandEditPage /> },
          { path: 'organization/profile', element: <OrganizationProfileEditPage /> },
          { path: 'saved', element: <SavedPage /> },
          { path: 'matches', element: <MatchesPage /> },
          { path: 'deals', element: <DealsPage /> },
          { path: 'deals/:id', element: <DealRoomPage /> },
          { path: 'broker', element: <BrokerPage /> },
          { path: 'broker/mandates/:id', element: <MandatePage /> },
          { path: 'demands/:id/propose', element: <ProposalFormPage /> },
          { path: 'demands/:id/proposals', element: <ProposalsComparePage /> },
          { path: 'notifications', element: <NotificationsPage /> },
          { path: 'import', element: <ImportPage /> },
          { path: 'events/new', element: <EventFormPage /> },
          { path: 'events/:id/agenda', element: <AgendaPage /> },
          { path: 'events/:id/console', element: <OrganizerConsolePage /> },
          {
            element: <RequireStatsAccess />,
            children: [{ path: 'stats', element: <StatsPage /> }],
          },
          {
            element: <RequireAdmin />,
            children: [{ path: 'admin', element: <AdminPage /> }],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
