import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { GuestOnly } from './auth/GuestOnly';
import { RequireAdmin } from './auth/RequireAdmin';
import { RequireAuth } from './auth/RequireAuth';
import { RequireStatsAccess } from './auth/RequireStatsAccess';
import { AppShell } from './components/layout/AppShell';
import { AccountPage } from './pages/AccountPage';
import { ForgotPasswordPage } from './pages/auth/ForgotPasswordPage';
import { InvitationPage } from './pages/auth/InvitationPage';
import { ResetPasswordPage } from './pages/auth/ResetPasswordPage';
import { UnsubscribePage } from './pages/auth/UnsubscribePage';
import { VerifyEmailPage } from './pages/auth/VerifyEmailPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RegisterPage } from './pages/RegisterPage';
import { RouteErrorPage } from './pages/RouteErrorPage';

// Heavier pages load on demand (AppShell wraps the outlet in Suspense).
const SearchPage = lazy(() => import('./pages/search/SearchPage').then((m) => ({ default: m.SearchPage })));
const OfferDetailPage = lazy(() =>
  import('./pages/listing/ListingDetailPage').then((m) => ({ default: m.OfferDetailPage })),
);
const DemandDetailPage = lazy(() =>
  import('./pages/listing/ListingDetailPage').then((m) => ({ default: m.DemandDetailPage })),
);
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
      { index: true, element: <HomePage /> },
      { path: 'search', element: <SearchPage /> },
      { path: 'offers/:id', element: <OfferDetailPage /> },
      { path: 'demands/:id', element: <DemandDetailPage /> },
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
