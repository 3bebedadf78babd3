import { useCallback, useEffect, useState } from 'react';
import { type ApiClient, createApiClient } from '../api/client.js';
import { getLocalSession, getMe, type Me, signInLocally, signOutLocally } from '../api/endpoints.js';
import type { TeamsBridge } from '../teams/teams-bridge.js';
import { primeFirstPage } from './first-page-data.js';
import { pageCodeLoaded, pageCodeOf } from './signed-in-page.js';
import { takeArrivedSession, takeEarlyStart } from './start-up.js';

/** Where the user stands: still finding out, signed in, needing the local sign-in, in the wrong host, or failed. */
export type SessionState =
  | { kind: 'loading' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'open-in-teams' }
  | { kind: 'signed-out'; api: ApiClient }
  | { kind: 'signed-in'; api: ApiClient; me: Me; mode: 'local' | 'entra' };

/** The session and what the user can do with it. */
export interface Session {
  state: SessionState;
  retry: () => void;
  signIn: (userId: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** Reloads the signed-in user, e.g. after an administrator changed their own roles. */
  refreshMe: () => Promise<void>;
}

async function startSession(teams: TeamsBridge | null, onExpired: () => void): Promise<SessionState> {
  const { config, api: earlyApi, me: earlyMe, primed } = await takeEarlyStart(onExpired);
  if (config.mode === 'entra') {
    // Entra sign-in happens only through Teams SSO; a plain browser has no way to get a token.
    if (!teams) return { kind: 'open-in-teams' };
    // Start-up asked /me (and primed the page) with the same Teams connection already, unless it could not.
    const api = earlyApi ?? createApiClient({ getToken: teams.getAuthToken });
    const me = earlyMe ?? (await getMe(api));
    if (!primed) primeFirstPage(api, me, window.location.pathname);
    await pageCodeOf(window.location.pathname);
    return { kind: 'signed-in', api, me, mode: 'entra' };
  }
  const api = earlyApi ?? createApiClient({ onUnauthenticated: onExpired });
  // The config carries the session in local mode (one round trip). The probe answers "not signed in" with a
  // 200: asking /me would write a refusal into the audit trail.
  const session = config.session ?? (await getLocalSession(api));
  if (!session.signedIn) return { kind: 'signed-out', api };
  // Start-up primed the page already when the config arrived (start-up.ts), unless it could not know the page.
  if (!primed) primeFirstPage(api, session.me, window.location.pathname);
  // The page's data is on its way; its code too (preloaded in main.tsx): show the shell once the code is there.
  await pageCodeOf(window.location.pathname);
  return { kind: 'signed-in', api, me: session.me, mode: 'local' };
}

/** Finds out how to sign in (`/auth/config`) and who the user is; offers local sign-in and sign-out. */
export function useSession(teams: TeamsBridge | null): Session {
  // A local session that expires mid-use sends the user back to the sign-in page.
  const onExpired = useCallback(() => {
    setState((current) =>
      current.kind === 'signed-in' ? { kind: 'signed-out', api: current.api } : current,
    );
  }, []);
  // When start-up already knows the user (main.tsx waits briefly for it) and the page's code is there, the very
  // first render shows the page: no spinner frame first, which on a warm cache cost a whole render (issue 21).
  const [initial] = useState<SessionState>(() => {
    if (teams || !pageCodeLoaded(window.location.pathname)) return { kind: 'loading' };
    const arrived = takeArrivedSession(onExpired);
    return arrived
      ? { kind: 'signed-in', api: arrived.api, me: arrived.me, mode: 'local' }
      : { kind: 'loading' };
  });
  const [state, setState] = useState<SessionState>(initial);
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry trigger.
  useEffect(() => {
    // Signed in from the first render: nothing to start (until a retry).
    if (attempt === 0 && initial.kind === 'signed-in') return;
    let current = true;
    setState({ kind: 'loading' });
    startSession(teams, onExpired).then(
      (next) => current && setState(next),
      (error: unknown) => current && setState({ kind: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [teams, onExpired, attempt]);

  const signIn = useCallback(
    async (userId: string) => {
      if (state.kind !== 'signed-out') return;
      const me = await signInLocally(state.api, userId);
      setState({ kind: 'signed-in', api: state.api, me, mode: 'local' });
    },
    [state],
  );

  const signOut = useCallback(async () => {
    if (state.kind !== 'signed-in' || state.mode !== 'local') return;
    try {
      await signOutLocally(state.api);
      setState({ kind: 'signed-out', api: state.api });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  }, [state]);

  const refreshMe = useCallback(async () => {
    if (state.kind !== 'signed-in') return;
    const me = await getMe(state.api);
    setState((current) => (current.kind === 'signed-in' ? { ...current, me } : current));
  }, [state]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry, signIn, signOut, refreshMe };
}
