import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import type { Me } from '../../../tab/api/endpoints.js';
import { NotFoundPage } from '../../../tab/pages/not-found-page.js';
import { usePathname } from '../../../tab/routing/use-pathname.js';
import { signalFromPath } from '../signal-routes.js';
import { NetworkOverviewPage } from './network-overview-page.js';
import { NetworkSignalsPage } from './network-signals-page.js';
import { SfeerbeeldPage } from './sfeerbeeld-page.js';
import { ThermometerPage } from './thermometer-page.js';

const useStyles = makeStyles({
  // Fluent's Title1 and Body1 are inline text: as flex items the heading and the intro each take their own line.
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

function Page({ children }: { children: ReactNode }) {
  return <div className={useStyles().page}>{children}</div>;
}

/** The signals page the path names (`/signalen`, `…/sfeerbeeld`, `…/netwerkoverzicht`, `…/netwerk/{id}`); loaded lazily. */
export function SignalPages({ api, me }: { api: ApiClient; me: Me }) {
  const location = signalFromPath(usePathname());
  if (!location) return <NotFoundPage />;
  switch (location.page) {
    case 'thermometer':
      return (
        <Page>
          <ThermometerPage api={api} me={me} />
        </Page>
      );
    case 'report':
      return (
        <Page>
          <SfeerbeeldPage api={api} />
        </Page>
      );
    case 'overview':
      return (
        <Page>
          <NetworkOverviewPage api={api} />
        </Page>
      );
    case 'network':
      return (
        <Page>
          <NetworkSignalsPage key={location.networkId} api={api} networkId={location.networkId} />
        </Page>
      );
  }
}
