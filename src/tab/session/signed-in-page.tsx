import type { ApiClient } from '../api/client.js';
import type { Me } from '../api/endpoints.js';
import { AuditPage } from '../pages/audit-page.js';
import { CallOutPages } from '../pages/call-out-pages.js';
import { InsightPages } from '../pages/insight-pages.js';
import { LocalOutboxPage } from '../pages/local-outbox-page.js';
import { MeetingPages } from '../pages/meetings-pages.js';
import { NetworkPage } from '../pages/network-page.js';
import { NoAccessPage } from '../pages/no-access-page.js';
import { NotFoundPage } from '../pages/not-found-page.js';
import { OverviewPage } from '../pages/overview-page.js';
import { PersonPage } from '../pages/person-page.js';
import { RolesPage } from '../pages/roles-page.js';
import { SearchPage } from '../pages/search-page.js';
import { idFromPath } from '../routing/network-paths.js';
import { type AppRoute, isAdminRoute } from '../routing/routes.js';

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
      return <OverviewPage api={api} me={me} />;
    case 'roles':
      return <RolesPage api={api} me={me} onMeChanged={onMeChanged} />;
    case 'audit':
      return <AuditPage api={api} />;
    case 'insight':
      return <InsightPages api={api} />;
    case 'meetings':
      return <MeetingPages api={api} />;
    case 'call-outs':
      return <CallOutPages api={api} me={me} />;
    case 'local-outbox':
      return <LocalOutboxPage api={api} />;
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
