import type { ApiClient } from '../../../tab/api/client.js';
import { NotFoundPage } from '../../../tab/pages/not-found-page.js';
import { usePathname } from '../../../tab/routing/use-pathname.js';
import { meetingFromPath } from '../meeting-routes.js';
import { MeetingsNetworkPage } from './meetings-network-page.js';
import { MeetingsPlanPage } from './meetings-plan-page.js';
import { MeetingsYearPage } from './meetings-year-page.js';

/** The meetings page the path names: a network's meetings, its planner, or the year calendar. */
export function MeetingPages({ api }: { api: ApiClient }) {
  const location = meetingFromPath(usePathname());
  if (!location) return <NotFoundPage />;
  // Keyed by network, so that nothing of one network's page lingers while another's loads.
  switch (location.page) {
    case 'network':
      return <MeetingsNetworkPage key={location.networkId} api={api} networkId={location.networkId} />;
    case 'plan':
      return <MeetingsPlanPage key={location.networkId} api={api} networkId={location.networkId} />;
    case 'year':
      return <MeetingsYearPage api={api} />;
  }
}
