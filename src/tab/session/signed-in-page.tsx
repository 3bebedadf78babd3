import type { ApiClient } from '../api/client.js';
import type { Me } from '../api/endpoints.js';
import { AuditPage } from '../pages/audit-page.js';
import { NoAccessPage } from '../pages/no-access-page.js';
import { NotFoundPage } from '../pages/not-found-page.js';
import { OverviewPage } from '../pages/overview-page.js';
import { RolesPage } from '../pages/roles-page.js';
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
      return <OverviewPage api={api} />;
    case 'roles':
      return <RolesPage api={api} me={me} onMeChanged={onMeChanged} />;
    case 'audit':
      return <AuditPage api={api} />;
    case 'not-found':
      return <NotFoundPage />;
  }
}
