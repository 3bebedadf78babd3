import { lazy, type ReactNode, Suspense } from 'react';
import type { ApiClient } from '../api/client.js';
import type { Me } from '../api/endpoints.js';
import { LoadingState } from '../components/loading-state.js';
import { NoAccessPage } from '../pages/no-access-page.js';
import { NotFoundPage } from '../pages/not-found-page.js';
import { idFromPath } from '../routing/network-paths.js';
import { type AppRoute, isAdminRoute, routeFromPath } from '../routing/routes.js';

// Every routed page loads on demand, so the initial JS holds only the shell (session, header, menu) and
// the first page's own code arrives beside its data (issue 21: initial JS ≤ 200 KiB gzip). Each chunk's loader
// is named once: `preloadPageOf` starts the current page's download at start-up, in parallel with sign-in,
// and `lazy` then finds the module already loaded (the browser fetches a module once).
const loaders = {
  StartPage: () => import('../../setup/tab/components/setup-landing.js'),
  RolesPage: () => import('../../identity/tab/roles-page.js'),
  InsightPages: () => import('../../network/tab/insight/insight-pages.js'),
  SearchPage: () => import('../../network/tab/insight/search-page.js'),
  NetworkPage: () => import('../../network/tab/pages/network-page.js'),
  PersonPage: () => import('../../network/tab/pages/person-page.js'),
  MeetingPages: () => import('../../meetings/tab/pages/meetings-pages.js'),
  CallOutPages: () => import('../../call-outs/tab/pages/call-out-pages.js'),
  LocalOutboxPage: () => import('../../mail/tab/local-outbox-page.js'),
  SignalPages: () => import('../../signals/tab/pages/signal-pages.js'),
  AuditPage: () => import('../../audit/tab/audit-page.js'),
  SetupPages: () => import('../../setup/tab/pages/setup-pages.js'),
  SelectionPage: () => import('../../selection/tab/selection-page.js'),
  EvaluationPage: () => import('../../evaluation/tab/evaluation-page.js'),
  AbsencePage: () => import('../../continuity/tab/absence-page.js'),
  IntroductionPage: () => import('../../continuity/tab/introduction-page.js'),
  HandOverPage: () => import('../../continuity/tab/hand-over-page.js'),
  CallOutSettingsPage: () => import('../../call-outs/tab/pages/call-out-settings-page.js'),
  PrivacyPages: () => import('../../privacy/tab/pages/privacy-pages.js'),
  MeetingPanelPage: () => import('../pages/meeting-panel-page.js'),
} as const;

const routeLoaders: Partial<Record<AppRoute, () => Promise<unknown>>> = {
  overview: loaders.StartPage,
  roles: loaders.RolesPage,
  insight: loaders.InsightPages,
  search: loaders.SearchPage,
  network: loaders.NetworkPage,
  person: loaders.PersonPage,
  meetings: loaders.MeetingPages,
  'call-outs': loaders.CallOutPages,
  'local-outbox': loaders.LocalOutboxPage,
  signals: loaders.SignalPages,
  audit: loaders.AuditPage,
  setup: loaders.SetupPages,
  selection: loaders.SelectionPage,
  evaluation: loaders.EvaluationPage,
  absences: loaders.AbsencePage,
  introductions: loaders.IntroductionPage,
  'hand-over': loaders.HandOverPage,
  'call-out-settings': loaders.CallOutSettingsPage,
  privacy: loaders.PrivacyPages,
  'meeting-panel': loaders.MeetingPanelPage,
};

/** Starts downloading the page of this path, so it is not fetched only after sign-in (one round trip saved). */
export function preloadPageOf(pathname: string): void {
  routeLoaders[routeFromPath(pathname)]?.().catch(() => {
    // The lazy page retries the import and shows its own error; a failed preload changes nothing.
  });
}

const StartPage = lazy(() => loaders.StartPage().then((m) => ({ default: m.StartPage })));
const RolesPage = lazy(() => loaders.RolesPage().then((m) => ({ default: m.RolesPage })));
const InsightPages = lazy(() => loaders.InsightPages().then((m) => ({ default: m.InsightPages })));
const SearchPage = lazy(() => loaders.SearchPage().then((m) => ({ default: m.SearchPage })));
const NetworkPage = lazy(() => loaders.NetworkPage().then((m) => ({ default: m.NetworkPage })));
const PersonPage = lazy(() => loaders.PersonPage().then((m) => ({ default: m.PersonPage })));
const MeetingPages = lazy(() => loaders.MeetingPages().then((m) => ({ default: m.MeetingPages })));
const CallOutPages = lazy(() => loaders.CallOutPages().then((m) => ({ default: m.CallOutPages })));
const LocalOutboxPage = lazy(() => loaders.LocalOutboxPage().then((m) => ({ default: m.LocalOutboxPage })));
const SignalPages = lazy(() => loaders.SignalPages().then((m) => ({ default: m.SignalPages })));
const AuditPage = lazy(() => loaders.AuditPage().then((m) => ({ default: m.AuditPage })));
const SetupPages = lazy(() => loaders.SetupPages().then((m) => ({ default: m.SetupPages })));
const SelectionPage = lazy(() => loaders.SelectionPage().then((m) => ({ default: m.SelectionPage })));
const EvaluationPage = lazy(() => loaders.EvaluationPage().then((m) => ({ default: m.EvaluationPage })));
const AbsencePage = lazy(() => loaders.AbsencePage().then((m) => ({ default: m.AbsencePage })));
const IntroductionPage = lazy(() =>
  loaders.IntroductionPage().then((m) => ({ default: m.IntroductionPage })),
);
const HandOverPage = lazy(() => loaders.HandOverPage().then((m) => ({ default: m.HandOverPage })));
const CallOutSettingsPage = lazy(() =>
  loaders.CallOutSettingsPage().then((m) => ({ default: m.CallOutSettingsPage })),
);

const MeetingPanelPage = lazy(() =>
  loaders.MeetingPanelPage().then((m) => ({ default: m.MeetingPanelPage })),
);
const PrivacyPages = lazy(() => loaders.PrivacyPages().then((m) => ({ default: m.PrivacyPages })));

/**
 * The page of a signed-in user at this route. The Beheer pages need administrator rights: anyone else gets a
 * friendly "no access" page here (the server refuses their API calls regardless).
 */
export function SignedInPage(props: {
  route: AppRoute;
  api: ApiClient;
  me: Me;
  onMeChanged: () => Promise<void>;
  /** The Teams meeting the tab is open in (the side panel's thread id), or null. */
  meetingThreadId?: string | null;
}) {
  return <Suspense fallback={<LoadingState />}>{pageAt(props)}</Suspense>;
}

function pageAt(props: {
  route: AppRoute;
  api: ApiClient;
  me: Me;
  onMeChanged: () => Promise<void>;
  meetingThreadId?: string | null;
}): ReactNode {
  const { route, api, me, onMeChanged } = props;
  if (isAdminRoute(route) && !me.isAdministrator) return <NoAccessPage />;
  switch (route) {
    case 'overview':
      return <StartPage api={api} me={me} />;
    case 'setup':
      return <SetupPages api={api} />;
    case 'roles':
      return <RolesPage api={api} me={me} onMeChanged={onMeChanged} />;
    case 'audit':
      return <AuditPage api={api} />;
    case 'call-out-settings':
      return <CallOutSettingsPage api={api} />;
    case 'privacy':
      return <PrivacyPages api={api} />;
    case 'insight':
      return <InsightPages api={api} />;
    case 'meetings':
      return <MeetingPages api={api} />;
    case 'call-outs':
      return <CallOutPages api={api} me={me} />;
    case 'signals':
      return <SignalPages api={api} me={me} />;
    case 'local-outbox':
      return <LocalOutboxPage api={api} />;
    case 'meeting-panel':
      return <MeetingPanelPage api={api} me={me} threadId={props.meetingThreadId ?? null} />;
    case 'selection':
      return <SelectionPage api={api} />;
    case 'evaluation':
      return <EvaluationPage api={api} />;
    case 'absences':
      return <AbsencePage api={api} me={me} />;
    case 'introductions':
      return <IntroductionPage api={api} me={me} />;
    case 'hand-over':
      return <HandOverPage api={api} me={me} />;
    case 'search':
      return <SearchPage api={api} me={me} />;
    case 'network': {
      const networkId = idFromPath(window.location.pathname) ?? '';
      return <NetworkPage key={networkId} api={api} networkId={networkId} />;
    }
    case 'person': {
      const personId = idFromPath(window.location.pathname) ?? '';
      return <PersonPage key={personId} api={api} me={me} personId={personId} />;
    }
    case 'not-found':
      return <NotFoundPage />;
  }
}
