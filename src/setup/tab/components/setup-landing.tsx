import { useEffect, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import type { Me } from '../../../tab/api/endpoints.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { OverviewPage } from '../../../tab/pages/overview-page.js';
import { navigate } from '../../../tab/routing/use-pathname.js';
import { getSetupStatus } from '../api/setup-endpoints.js';
import { setupHref } from '../setup-routes.js';

// Once per load of the tab: after that the overview stays reachable even before the setup is complete.
let landingChecked = false;

/**
 * The start page. An administrator whose municipality is not set up yet (no municipality, or no wijk in a
 * district) lands on Beheer → Inrichting instead; everyone else, and a failed check, gets the overview.
 */
export function StartPage({ api, me }: { api: ApiClient; me: Me }) {
  const [ready, setReady] = useState(landingChecked || !me.isAdministrator);
  useEffect(() => {
    if (ready) return;
    landingChecked = true;
    let live = true;
    getSetupStatus(api).then(
      (status) => {
        if (!live) return;
        if (status.setUp) setReady(true);
        else navigate(setupHref('checklist', window.location.search), { replace: true });
      },
      () => live && setReady(true),
    );
    return () => {
      live = false;
    };
  }, [api, ready]);
  return ready ? <OverviewPage api={api} me={me} /> : <LoadingState />;
}
