import { Body1 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { AppHeader } from '../components/app-header.js';
import { ErrorState } from '../components/error-state.js';
import { LoadingState } from '../components/loading-state.js';
import { PageLayout } from '../components/page-layout.js';
import { type Translate, useT } from '../i18n/use-t.js';
import { MessagePage } from '../pages/message-page.js';
import { SignInPage } from '../pages/sign-in-page.js';
import { type AppRoute, routeFromPath } from '../routing/routes.js';
import { usePathname } from '../routing/use-pathname.js';
import type { TeamsBridge } from '../teams/teams-bridge.js';
import { SignedInPage } from './signed-in-page.js';
import { type Session, useSession } from './use-session.js';

function content(session: Session, route: AppRoute, t: Translate, meetingThreadId: string | null): ReactNode {
  const { state, retry, signIn, refreshMe } = session;
  switch (state.kind) {
    case 'loading':
      return <LoadingState />;
    case 'failed':
      return (
        <MessagePage title={t('session.failedTitle')}>
          <ErrorState error={state.error} onRetry={retry} />
        </MessagePage>
      );
    case 'open-in-teams':
      return (
        <MessagePage title={t('openInTeams.title')}>
          <Body1>{t('openInTeams.body')}</Body1>
        </MessagePage>
      );
    case 'signed-out':
      return <SignInPage api={state.api} onSignIn={signIn} />;
    case 'signed-in':
      return (
        <SignedInPage
          route={route}
          api={state.api}
          me={state.me}
          onMeChanged={refreshMe}
          meetingThreadId={meetingThreadId}
        />
      );
  }
}

/** Shows the page that fits the session and the path: loading, local sign-in, "open in Teams", a failure, or a page. */
export function SessionGate({ teams }: { teams: TeamsBridge | null }) {
  const t = useT();
  const session = useSession(teams);
  const route = routeFromPath(usePathname());
  const { state, signOut } = session;
  // The meeting side panel is 320 px wide and lives inside one meeting: no menu of the whole app there.
  const header =
    state.kind === 'signed-in' && route !== 'meeting-panel' ? (
      <AppHeader me={state.me} route={route} onSignOut={state.mode === 'local' ? signOut : undefined} />
    ) : (
      <AppHeader />
    );
  // Signing in or out, or following a menu link, replaces the page; focus then moves to the new main content.
  const focusKey =
    state.kind === 'signed-in' ? `signed-in:${route}` : state.kind === 'signed-out' ? state.kind : undefined;
  return (
    <PageLayout header={header} focusKey={focusKey}>
      {content(session, route, t, teams?.meetingThreadId ?? null)}
    </PageLayout>
  );
}
