import type { ApiClient } from '../../../tab/api/client.js';
import { NotFoundPage } from '../../../tab/pages/not-found-page.js';
import { usePathname } from '../../../tab/routing/use-pathname.js';
import { setupFromPath } from '../setup-routes.js';
import { SetupAreasPage } from './setup-areas-page.js';
import { SetupChecklistPage } from './setup-checklist-page.js';
import { SetupCommunitiesPage } from './setup-communities-page.js';
import { SetupMunicipalityPage } from './setup-municipality-page.js';
import { SetupNetworksPage } from './setup-networks-page.js';
import { SetupOrganisationsPage } from './setup-organisations-page.js';

/** Beheer → Inrichting: the page the path names (administrators only; SignedInPage checks). */
export function SetupPages({ api }: { api: ApiClient }) {
  const page = setupFromPath(usePathname());
  switch (page) {
    case 'checklist':
      return <SetupChecklistPage api={api} />;
    case 'municipality':
      return <SetupMunicipalityPage api={api} />;
    case 'areas':
      return <SetupAreasPage api={api} />;
    case 'communities':
      return <SetupCommunitiesPage api={api} />;
    case 'organisations':
      return <SetupOrganisationsPage api={api} />;
    case 'networks':
      return <SetupNetworksPage api={api} />;
    default:
      return <NotFoundPage />;
  }
}
