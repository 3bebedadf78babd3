import type { ApiClient } from '../../../tab/api/client.js';
import type { Me } from '../../../tab/api/endpoints.js';
import { NotFoundPage } from '../../../tab/pages/not-found-page.js';
import { usePathname } from '../../../tab/routing/use-pathname.js';
import { signalFromPath } from '../signal-routes.js';
import { NetworkSignalsPage } from './network-signals-page.js';
import { SfeerbeeldPage } from './sfeerbeeld-page.js';
import { ThermometerPage } from './thermometer-page.js';

/** The signals page the path names (`/signalen`, `…/sfeerbeeld`, `…/netwerk/{id}`); loaded lazily. */
export function SignalPages({ api, me }: { api: ApiClient; me: Me }) {
  const location = signalFromPath(usePathname());
  if (!location) return <NotFoundPage />;
  switch (location.page) {
    case 'thermometer':
      return <ThermometerPage api={api} me={me} />;
    case 'report':
      return <SfeerbeeldPage api={api} />;
    case 'network':
      return <NetworkSignalsPage key={location.networkId} api={api} networkId={location.networkId} />;
  }
}
