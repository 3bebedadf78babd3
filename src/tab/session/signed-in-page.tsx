import { type ComponentType, createElement, lazy, type ReactNode, Suspense, useState } from 'react';
import type { ApiClient } from '../api/client.js';
import type { Me } from '../api/endpoints.js';
import { LoadingState } from '../components/loading-state.js';
import { OrganisationsContext } from '../components/organisation-names.js';
import { withMoreMessages } from '../i18n/catalogue.js';
import { NoAccessPage } from '../pages/no-access-page.js';
import { NotFoundPage } from '../pages/not-found-page.js';
import { idFromPath } from '../routing/network-paths.js';
import { type AppRoute, isAdminRoute, routeFromPath } from '../routing/routes.js';

// Every routed page loads on demand, so the initial JS holds only the shell (session, header, menu) and
// the first page's own code arrives beside its data (issue 21: initial JS <= 200 KiB gzip). Each chunk's loader
// is named once and remembers its module: main.tsx starts the current page's download (`pageCodeOf`) at start-up, in
// parallel with sign-in, and `pageFrom` then renders the page at once, without suspending. That matters: React
// 19 holds back content revealed after a Suspense fallback until 300 ms after the fallback appeared (its
// FALLBACK_THROTTLE_MS), so a `lazy` page whose module is already there still cost ~300 ms on every first load
// (issue 21: the constant ~1 s of a warm tab). Only a page not downloaded yet suspends.

/** A module loader that downloads once and remembers the module once it is there (`loaded`). */
interface RememberedLoader<M> {
  (): Promise<M>;
  loaded?: M;
}

function remembered<M>(load: () => Promise<M>): RememberedLoader<M> {
  let pending: Promise<M> | undefined;
  const loader: RememberedLoader<M> = () => {
    pending ??= load().then(
      (module) => {
        loader.loaded = module;
        return module;
      },
      (error: unknown) => {
        // A failed download may be retried on the next render (the network may be back).
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };
  return loader;
}

/**
 * The page component `pick` finds in the module of `load`: rendered directly when the module is already
 * loaded, else through `lazy` (suspending once). The choice is made once per mount, so a page that started
 * suspended is never remounted when its module arrives.
 */
function pageFrom<M, P extends object>(
  load: RememberedLoader<M>,
  pick: (module: M) => ComponentType<P>,
): ComponentType<P> {
  const Lazy = lazy(() => load().then((module) => ({ default: pick(module) })));
  // biome-ignore lint/correctness/noComponentHookFactories: a factory like `lazy`, called once per page at module level.
  return function Page(props: P) {
    const [Component] = useState<ComponentType<P>>(() =>
      load.loaded ? pick(load.loaded) : (Lazy as unknown as ComponentType<P>),
    );
    return createElement(Component, props);
  };
}

const loaders = {
  StartPage: remembered(() => import('../../setup/tab/components/setup-landing.js')),
  RolesPage: remembered(() => withMoreMessages(import('../../identity/tab/roles-page.js'))),
  InsightPages: remembered(() => withMoreMessages(import('../../network/tab/insight/insight-pages.js'))),
  SearchPage: remembered(() => withMoreMessages(import('../../network/tab/insight/search-page.js'))),
  NetworkPage: remembered(() => import('../../network/tab/pages/network-page.js')),
  PersonPage: remembered(() => withMoreMessages(import('../../network/tab/pages/person-page.js'))),
  MeetingPages: remembered(() => import('../../meetings/tab/pages/meetings-pages.js')),
  CallOutPages: remembered(() => import('../../call-outs/tab/pages/call-out-pages.js')),
  LocalOutboxPage: remembered(() => withMoreMessages(import('../../mail/tab/local-outbox-page.js'))),
  SignalPages: remembered(() => withMoreMessages(import('../../signals/tab/pages/signal-pages.js'))),
  AuditPage: remembered(() => withMoreMessages(import('../../audit/tab/audit-page.js'))),
  SetupPages: remembered(() => withMoreMessages(import('../../setup/tab/pages/setup-pages.js'))),
  SelectionPage: remembered(() => withMoreMessages(import('../../selection/tab/selection-page.js'))),
  EvaluationPage: remembered(() => withMoreMessages(import('../../evaluation/tab/evaluation-page.js'))),
  AbsencePage: remembered(() => withMoreMessages(import('../../continuity/tab/absence-page.js'))),
  IntroductionPage: remembered(() => withMoreMessages(import('../../continuity/tab/introduction-page.js'))),
  HandOverPage: remembered(() => withMoreMessages(import('../../continuity/tab/hand-over-page.js'))),
  CallOutSettingsPage: remembered(() =>
    withMoreMessages(import('../../call-outs/tab/pages/call-out-settings-page.js')),
  ),
  PrivacyPages: remembered(() => withMoreMessages(import('../../privacy/tab/pages/privacy-pages.js'))),
  MeetingPanelPage: remembered(() => withMoreMessages(import('../pages/meeting-panel-page.js'))),
} as const;

const routeLoaders: Partial<Record<AppRoute, RememberedLoader<unknown>>> = {
  overview: loaders.StartPage,
  roles: loaders.RolesPage,
  insight: loaders.InsightPages,
  search: loaders.SearchPage,
  network: loaders.NetworkPage,
  person: loaders.PersonPage,
  meetings: loaders.MeetingPages,
  'call-outs': loaders.CallOutPages,
  'local-outbox': loaders.LocalOutboxPage,
  signals: loaders.SignalPages,
  audit: loaders.AuditPage,
  setup: loaders.SetupPages,
  selection: loaders.SelectionPage,
  evaluation: loaders.EvaluationPage,
  absences: loaders.AbsencePage,
  introductions: loaders.IntroductionPage,
  'hand-over': loaders.HandOverPage,
  'call-out-settings': loaders.CallOutSettingsPage,
  privacy: loaders.PrivacyPages,
  'meeting-panel': loaders.MeetingPanelPage,
};

/** Whether the code of the page at `pathname` is there already (a page without a loader of its own: always). */
export function pageCodeLoaded(pathname: string): boolean {
  const load = routeLoaders[routeFromPath(pathname)] as RememberedLoader<unknown> | undefined;
  return !load || load.loaded !== undefined;
}

/**
 * Settles once the code of the page at `pathname` is there (or its download failed: the lazy page then retries
 * the import and shows its own error). The session waits for it before it shows the signed-in shell, so the
 * first page renders without suspending: when sign-in answers before the page's code has arrived (an empty
 * cache), a suspended first render costs React's 300 ms fallback throttle on top of the download.
 */
export function pageCodeOf(pathname: string): Promise<void> {
  const load = routeLoaders[routeFromPath(pathname)];
  return load
    ? load().then(
        () => undefined,
        () => undefined,
      )
    : Promise.resolve();
}

const StartPage = pageFrom(loaders.StartPage, (m) => m.StartPage);
const RolesPage = pageFrom(loaders.RolesPage, (m) => m.RolesPage);
const InsightPages = pageFrom(loaders.InsightPages, (m) => m.InsightPages);
const SearchPage = pageFrom(loaders.SearchPage, (m) => m.SearchPage);
const NetworkPage = pageFrom(loaders.NetworkPage, (m) => m.NetworkPage);
const PersonPage = pageFrom(loaders.PersonPage, (m) => m.PersonPage);
const MeetingPages = pageFrom(loaders.MeetingPages, (m) => m.MeetingPages);
const CallOutPages = pageFrom(loaders.CallOutPages, (m) => m.CallOutPages);
const LocalOutboxPage = pageFrom(loaders.LocalOutboxPage, (m) => m.LocalOutboxPage);
const SignalPages = pageFrom(loaders.SignalPages, (m) => m.SignalPages);
const AuditPage = pageFrom(loaders.AuditPage, (m) => m.AuditPage);
const SetupPages = pageFrom(loaders.SetupPages, (m) => m.SetupPages);
const SelectionPage = pageFrom(loaders.SelectionPage, (m) => m.SelectionPage);
const EvaluationPage = pageFrom(loaders.EvaluationPage, (m) => m.EvaluationPage);
const AbsencePage = pageFrom(loaders.AbsencePage, (m) => m.AbsencePage);
const IntroductionPage = pageFrom(loaders.IntroductionPage, (m) => m.IntroductionPage);
const HandOverPage = pageFrom(loaders.HandOverPage, (m) => m.HandOverPage);
const CallOutSettingsPage = pageFrom(loaders.CallOutSettingsPage, (m) => m.CallOutSettingsPage);

const MeetingPanelPage = pageFrom(loaders.MeetingPanelPage, (m) => m.MeetingPanelPage);
const PrivacyPages = pageFrom(loaders.PrivacyPages, (m) => m.PrivacyPages);

/**
 * The page of a signed-in user at this route. The Beheer pages need administrator rights: anyone else gets a
 * friendly "no access" page here (the server refuses their API calls regardless).
 */
export function SignedInPage(props: {
  route: AppRoute;
  api: ApiClient;
  me: Me;
  onMeChanged: () => Promise<void>;
  /** The Teams meeting the tab is open in (the side panel's thread id), or null. */
  meetingThreadId?: string | null;
}) {
  return (
    <OrganisationsContext.Provider value={props.me.organisations}>
      <Suspense fallback={<LoadingState />}>{pageAt(props)}</Suspense>
    </OrganisationsContext.Provider>
  );
}

function pageAt(props: {
  route: AppRoute;
  api: ApiClient;
  me: Me;
  onMeChanged: () => Promise<void>;
  meetingThreadId?: string | null;
}): ReactNode {
  const { route, api, me, onMeChanged } = props;
  if (isAdminRoute(route) && !me.isAdministrator) return <NoAccessPage />;
  switch (route) {
    case 'overview':
      return <StartPage api={api} me={me} />;
    case 'setup':
      return <SetupPages api={api} />;
    case 'roles':
      return <RolesPage api={api} me={me} onMeChanged={onMeChanged} />;
    case 'audit':
      return <AuditPage api={api} />;
    case 'call-out-settings':
      return <CallOutSettingsPage api={api} />;
    case 'privacy':
      return <PrivacyPages api={api} />;
    case 'insight':
      return <InsightPages api={api} />;
    case 'meetings':
      return <MeetingPages api={api} />;
    case 'call-outs':
      return <CallOutPages api={api} me={me} />;
    case 'signals':
      return <SignalPages api={api} me={me} />;
    case 'local-outbox':
      return <LocalOutboxPage api={api} />;
    case 'meeting-panel':
      return <MeetingPanelPage api={api} me={me} threadId={props.meetingThreadId ?? null} />;
    case 'selection':
      return <SelectionPage api={api} />;
    case 'evaluation':
      return <EvaluationPage api={api} />;
    case 'absences':
      return <AbsencePage api={api} me={me} />;
    case 'introductions':
      return <IntroductionPage api={api} me={me} />;
    case 'hand-over':
      return <HandOverPage api={api} me={me} />;
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
