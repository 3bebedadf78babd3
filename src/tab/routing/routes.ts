import { type CallOutRoute, callOutFromPath } from '../../call-outs/tab/call-out-routes.js';
import { type AbsenceRoute, absenceFromPath } from '../../continuity/tab/absence-routes.js';
import { type HandOverRoute, handOverFromPath } from '../../continuity/tab/hand-over-routes.js';
import { type IntroductionRoute, introductionFromPath } from '../../continuity/tab/introduction-routes.js';
import { type EvaluationRoute, evaluationFromPath } from '../../evaluation/tab/evaluation-routes.js';
import { type MeetingRoute, meetingFromPath } from '../../meetings/tab/meeting-routes.js';
import { type InsightRoute, insightFromPath } from '../../network/tab/insight-routes.js';
import { type PrivacyRoute, privacyFromPath } from '../../privacy/tab/privacy-tab-routes.js';
import { type SelectionRoute, selectionFromPath } from '../../selection/tab/selection-routes.js';
import { type SetupRoute, setupFromPath } from '../../setup/tab/setup-routes.js';
import { type SignalRoute, signalFromPath } from '../../signals/tab/signal-routes.js';
import { type IdRoute, idRouteFromPath } from './network-paths.js';

/** The pages of the signed-in tab; `roles`, `audit` and `privacy` are among the administrator's "Beheer" pages. */
export type AppRoute =
  | 'overview'
  | 'roles'
  | 'audit'
  | 'call-out-settings'
  | 'search'
  | 'local-outbox'
  | 'meeting-panel'
  | IdRoute
  | InsightRoute
  | CallOutRoute
  | MeetingRoute
  | SetupRoute
  | SignalRoute
  | SelectionRoute
  | EvaluationRoute
  | AbsenceRoute
  | IntroductionRoute
  | HandOverRoute
  | PrivacyRoute
  | 'not-found';

/** The path of the meeting side panel, which the tab's configuration page saves in a meeting. */
export const MEETING_PANEL_PATH = '/paneel';

/** The path of each page that has one fixed path (network and person pages carry an id: see network-paths.ts). */
export const routePaths: Record<
  Exclude<
    AppRoute,
    | 'not-found'
    | IdRoute
    | InsightRoute
    | CallOutRoute
    | MeetingRoute
    | SetupRoute
    | SignalRoute
    | SelectionRoute
    | EvaluationRoute
    | AbsenceRoute
    | IntroductionRoute
    | HandOverRoute
    | PrivacyRoute
  >,
  string
> = {
  overview: '/',
  roles: '/beheer/rollen',
  audit: '/beheer/audit',
  'call-out-settings': '/beheer/crisisoproepen',
  search: '/zoeken',
  // The local run's outbox (Bijeenkomst nu's e-mails and .ics invitations); the API has it only in local mode.
  'local-outbox': '/lokaal/postbus',
  // The side panel inside a Teams meeting (the manifest's configurable tab in a meeting points here).
  'meeting-panel': MEETING_PANEL_PATH,
};

/** The page a path shows; a trailing slash is ignored and `/beheer` alone opens its first page. */
export function routeFromPath(pathname: string): AppRoute {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/index.html') return 'overview';
  if (path === '/beheer' || path === routePaths.roles) return 'roles';
  if (path === routePaths.audit) return 'audit';
  if (path === routePaths['call-out-settings']) return 'call-out-settings';
  if (path === routePaths.search) return 'search';
  if (path === MEETING_PANEL_PATH) return 'meeting-panel';
  // The local placeholder join link (/lokaal/bijeenkomst/{id}) opens the outbox that explains it.
  if (path === routePaths['local-outbox'] || path.startsWith('/lokaal/bijeenkomst/')) return 'local-outbox';
  const idRoute = idRouteFromPath(path);
  if (idRoute) return idRoute;
  if (insightFromPath(path)) return 'insight';
  if (meetingFromPath(path)) return 'meetings';
  if (callOutFromPath(path)) return 'call-outs';
  if (setupFromPath(path)) return 'setup';
  if (signalFromPath(path)) return 'signals';
  if (selectionFromPath(path)) return 'selection';
  if (evaluationFromPath(path)) return 'evaluation';
  if (absenceFromPath(path)) return 'absences';
  if (introductionFromPath(path)) return 'introductions';
  if (handOverFromPath(path)) return 'hand-over';
  if (privacyFromPath(path)) return 'privacy';
  return 'not-found';
}

/** True for the pages only functional administrators may see. */
export function isAdminRoute(route: AppRoute): boolean {
  return (
    route === 'roles' ||
    route === 'audit' ||
    route === 'call-out-settings' ||
    route === 'setup' ||
    route === 'privacy'
  );
}

/** The href of a page, keeping the query (e.g. `?inTeams=1&theme=dark`) so the tab stays in its mode and theme. */
export function hrefOf(
  route: Exclude<
    AppRoute,
    | 'not-found'
    | IdRoute
    | InsightRoute
    | CallOutRoute
    | MeetingRoute
    | SetupRoute
    | SignalRoute
    | SelectionRoute
    | EvaluationRoute
    | AbsenceRoute
    | IntroductionRoute
    | HandOverRoute
    | PrivacyRoute
  >,
  search: string,
): string {
  return `${routePaths[route]}${search}`;
}
