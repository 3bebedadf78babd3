import { lazy, type ReactNode, Suspense } from 'react';
import type { ApiClient } from '../api/client.js';
import type { Me } from '../api/endpoints.js';
import { LoadingState } from '../components/loading-state.js';
import { NoAccessPage } from '../pages/no-access-page.js';
import { NotFoundPage } from '../pages/not-found-page.js';
import { idFromPath } from '../routing/network-paths.js';
import { type AppRoute, isAdminRoute } from '../routing/routes.js';

// Every routed page loads on demand, so the initial JS holds only the shell (session, header, menu) and
// the first page's own code arrives beside its data (issue 21: initial JS ≤ 200 KiB gzip).
const StartPage = lazy(() =>
  import('../../setup/tab/components/setup-landing.js').then((m) => ({ default: m.StartPage })),
);
const RolesPage = lazy(() =>
  import('../../identity/tab/roles-page.js').then((m) => ({ default: m.RolesPage })),
);
const InsightPages = lazy(() =>
  import('../../network/tab/insight/insight-pages.js').then((m) => ({ default: m.InsightPages })),
);
const SearchPage = lazy(() =>
  import('../../network/tab/insight/search-page.js').then((m) => ({ default: m.SearchPage })),
);
const NetworkPage = lazy(() =>
  import('../../network/tab/pages/network-page.js').then((m) => ({ default: m.NetworkPage })),
);
const PersonPage = lazy(() =>
  import('../../network/tab/pages/person-page.js').then((m) => ({ default: m.PersonPage })),
);
const MeetingPages = lazy(() =>
  import('../../meetings/tab/pages/meetings-pages.js').then((m) => ({ default: m.MeetingPages })),
);
const CallOutPages = lazy(() =>
  import('../../call-outs/tab/pages/call-out-pages.js').then((m) => ({ default: m.CallOutPages })),
);
const LocalOutboxPage = lazy(() =>
  import('../../mail/tab/local-outbox-page.js').then((m) => ({ default: m.LocalOutboxPage })),
);
const SignalPages = lazy(() =>
  import('../../signals/tab/pages/signal-pages.js').then((m) => ({ default: m.SignalPages })),
);
const AuditPage = lazy(() => import('../../audit/tab/audit-page.js').then((m) => ({ default: m.AuditPage })));
const SetupPages = lazy(() =>
  import('../../setup/tab/pages/setup-pages.js').then((m) => ({ default: m.SetupPages })),
);
const SelectionPage = lazy(() =>
  import('../../selection/tab/selection-page.js').then((m) => ({ default: m.SelectionPage })),
);
const EvaluationPage = lazy(() =>
  import('../../evaluation/tab/evaluation-page.js').then((m) => ({ default: m.EvaluationPage })),
);
const CallOutSettingsPage = lazy(() =>
  import('../../call-outs/tab/pages/call-out-settings-page.js').then((m) => ({
    default: m.CallOutSettingsPage,
  })),
);

/**
 * The page of a signed-in user at this route. The Beheer pages need administrator rights: anyone else gets a
 * friendly "no access" page here (the server refuses their API calls regardless).
 */
export function SignedInPage(props: {
  route: AppRoute;
  api: ApiClient;
  me: Me;
  onMeChanged: () => Promise<void>;
}) {
  return <Suspense fallback={<LoadingState />}>{pageAt(props)}</Suspense>;
}

function pageAt(props: {
  route: AppRoute;
  api: ApiClient;
  me: Me;
  onMeChanged: () => Promise<void>;
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
    case 'selection':
      return <SelectionPage api={api} />;
    case 'evaluation':
      return <EvaluationPage api={api} />;
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
