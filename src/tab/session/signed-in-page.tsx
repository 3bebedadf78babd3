import { lazy, Suspense } from 'react';
import { RolesPage } from '../../identity/tab/roles-page.js';
import { InsightPages } from '../../network/tab/insight/insight-pages.js';
import { SearchPage } from '../../network/tab/insight/search-page.js';
import { NetworkPage } from '../../network/tab/pages/network-page.js';
import { PersonPage } from '../../network/tab/pages/person-page.js';
import { StartPage } from '../../setup/tab/components/setup-landing.js';
import type { ApiClient } from '../api/client.js';
import type { Me } from '../api/endpoints.js';
import { LoadingState } from '../components/loading-state.js';
import { NoAccessPage } from '../pages/no-access-page.js';
import { NotFoundPage } from '../pages/not-found-page.js';
import { idFromPath } from '../routing/network-paths.js';
import { type AppRoute, isAdminRoute } from '../routing/routes.js';

// Pages most visits never open load on demand, so the first page stays inside the initial-JS budget
// (issue 4: ≤ 300 KB gzip); the network map, its pages and search stay in the main bundle.
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
  const { route, api, me, onMeChanged } = props;
  if (isAdminRoute(route) && !me.isAdministrator) return <NoAccessPage />;
  switch (route) {
    case 'overview':
      return <StartPage api={api} me={me} />;
    case 'setup':
      return (
        <Suspense fallback={<LoadingState />}>
          <SetupPages api={api} />
        </Suspense>
      );
    case 'roles':
      return <RolesPage api={api} me={me} onMeChanged={onMeChanged} />;
    case 'audit':
      return (
        <Suspense fallback={<LoadingState />}>
          <AuditPage api={api} />
        </Suspense>
      );
    case 'call-out-settings':
      return (
        <Suspense fallback={<LoadingState />}>
          <CallOutSettingsPage api={api} />
        </Suspense>
      );
    case 'insight':
      return <InsightPages api={api} />;
    case 'meetings':
      return (
        <Suspense fallback={<LoadingState />}>
          <MeetingPages api={api} />
        </Suspense>
      );
    case 'call-outs':
      return (
        <Suspense fallback={<LoadingState />}>
          <CallOutPages api={api} me={me} />
        </Suspense>
      );
    case 'signals':
      return (
        <Suspense fallback={<LoadingState />}>
          <SignalPages api={api} me={me} />
        </Suspense>
      );
    case 'local-outbox':
      return (
        <Suspense fallback={<LoadingState />}>
          <LocalOutboxPage api={api} />
        </Suspense>
      );
    case 'selection':
      return (
        <Suspense fallback={<LoadingState />}>
          <SelectionPage api={api} />
        </Suspense>
      );
    case 'evaluation':
      return (
        <Suspense fallback={<LoadingState />}>
          <EvaluationPage api={api} />
        </Suspense>
      );
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
