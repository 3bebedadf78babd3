import type { ApiClient } from '../../../tab/api/client.js';
import { NotFoundPage } from '../../../tab/pages/not-found-page.js';
import { usePathname } from '../../../tab/routing/use-pathname.js';
import { insightFromPath } from '../insight-routes.js';
import { CoveragePage } from './coverage-page.js';
import { CrisisSheetPage } from './crisis-sheet-page.js';
import { GraphPage } from './graph-page.js';
import { ImportPage } from './import-page.js';
import { RepresentativenessPage } from './representativeness-page.js';

/** The insight page of one network that the path names (`/netwerken/{id}/dekking`, `…/afspiegeling`, …). */
export function InsightPages({ api }: { api: ApiClient }) {
  const location = insightFromPath(usePathname());
  if (!location) return <NotFoundPage />;
  const { page, networkId } = location;
  // Keyed by network, so that nothing of one network's page lingers while another's loads.
  switch (page) {
    case 'coverage':
      return <CoveragePage key={networkId} api={api} networkId={networkId} />;
    case 'representativeness':
      return <RepresentativenessPage key={networkId} api={api} networkId={networkId} />;
    case 'graph':
      return <GraphPage key={networkId} api={api} networkId={networkId} />;
    case 'import':
      return <ImportPage key={networkId} api={api} networkId={networkId} />;
    case 'crisis-sheet':
      return <CrisisSheetPage key={networkId} api={api} networkId={networkId} />;
  }
}
