import { Body1 } from '@fluentui/react-components';
import type { ApiClient } from '../../../tab/api/client.js';
import type { Me } from '../../../tab/api/endpoints.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { MessagePage } from '../../../tab/pages/message-page.js';
import { NotFoundPage } from '../../../tab/pages/not-found-page.js';
import { RouterLink } from '../../../tab/routing/router-link.js';
import { hrefOf } from '../../../tab/routing/routes.js';
import { usePathname } from '../../../tab/routing/use-pathname.js';
import { callOutFromPath } from '../call-out-routes.js';
import { mayFollowCallOuts } from '../components/start-call-out-button.js';
import { CallOutClosedPage } from './call-out-closed-page.js';
import { CallOutListPage } from './call-out-list-page.js';
import { CallOutNewPage } from './call-out-new-page.js';
import { CallOutPage } from './call-out-page.js';

/** The call-out page the path names (`/crisisoproepen`, `…/afgesloten`, `…/nieuw`, `…/{id}`); only for staff with a network role. */
export function CallOutPages({ api, me }: { api: ApiClient; me: Me }) {
  const location = callOutFromPath(usePathname());
  if (!location) return <NotFoundPage />;
  // The API refuses everyone without a role in a network; asking anyway would only write a refusal to the audit trail.
  if (!mayFollowCallOuts(me)) return <NoCallOutAccess />;
  switch (location.page) {
    case 'list':
      return <CallOutListPage api={api} me={me} />;
    case 'closed':
      return <CallOutClosedPage api={api} me={me} />;
    case 'new':
      return <CallOutNewPage api={api} me={me} />;
    case 'detail':
      return <CallOutPage key={location.callOutId} api={api} me={me} callOutId={location.callOutId} />;
  }
}

function NoCallOutAccess() {
  const t = useT();
  return (
    <MessagePage title={t('noAccess.title')}>
      <Body1>{t('callOutList.noAccess')}</Body1>
      <Body1>
        <RouterLink href={hrefOf('overview', window.location.search)}>{t('page.toOverview')}</RouterLink>
      </Body1>
    </MessagePage>
  );
}
