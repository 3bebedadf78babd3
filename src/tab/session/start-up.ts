import { AUTH_CONFIG_ELEMENT_ID } from '../../platform/http/tab-page-contract.js';
import { type ApiClient, createApiClient } from '../api/client.js';
import { type AuthConfig, getAuthConfig, getMe, type Me } from '../api/endpoints.js';
import { deepLinkHref } from '../routing/deep-link.js';
import { connectToTeamsOnce, mayBeInTeams } from '../teams/teams-bridge.js';
import { primeFirstPage } from './first-page-data.js';

// The sign-in configuration is asked for at start-up, from main.tsx before React renders, instead of from the
// session's first effect (issue 21). In local mode the answer carries the session, and the first page's data is
// asked for the moment it arrives: not only once React has rendered its first frame and run the session's effect,
// which on a warm cache held the data requests back by the whole first render (the config had long arrived).

/**
 * What start-up found: the sign-in configuration and the client the session goes on with (local mode; entra mode
 * once Teams gave a token and `/me` answered).
 */
export interface EarlyStart {
  config: AuthConfig;
  /** The API client the session goes on with. */
  api?: ApiClient;
  /** Entra mode: who `/me` says the user is, asked with the Teams SSO token at start-up. */
  me?: Me;
  /** Whether the first page's data was asked for on `api` already. */
  primed?: boolean;
  /** Local mode: settles once the first page's data asked at start-up has arrived (or failed). */
  primedArrival?: Promise<void>;
}

let early: Promise<EarlyStart> | undefined;
// Settles once the first render has nothing left to wait for (see earlyStartArrival).
let renderable: Promise<unknown> | undefined;
// The same, once it has arrived (and nobody has taken it yet).
let arrived: EarlyStart | undefined;
// Told about a 401 on the start-up client; the session sets it when it takes the client over.
let onUnauthenticated: (() => void) | undefined;

/**
 * The sign-in configuration the server embedded in index.html: what `/auth/config` answers this browser (issue
 * 21: one round trip fewer in both modes; in entra mode the tab goes straight to Teams SSO and `/me`). Undefined
 * when the page carries none, or in local mode none with the session (the server could not tell it): then
 * `/auth/config` is asked as before.
 */
function embeddedConfig(): AuthConfig | undefined {
  const text = document.getElementById(AUTH_CONFIG_ELEMENT_ID)?.textContent;
  if (!text) return undefined;
  try {
    const config = JSON.parse(text) as AuthConfig;
    if (config.mode === 'entra') return config;
    return config.mode === 'local' && config.session ? config : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Entra mode in Teams: connects to Teams (teams-js downloads now, beside the rest of the initial JS, not after React's
 * first render), asks `/me` with the SSO token and primes the page at `pathname`, all before the session's first
 * effect (issue 21: in production sign-in the page's data waited for the initial JS, React, teams-js, the token and
 * `/me` one after another). Outside Teams, or when Teams does not answer, the session finds that out as before.
 */
async function startInTeams(config: AuthConfig, pathname: string): Promise<EarlyStart> {
  const teams = await connectToTeamsOnce();
  if (!teams) return { config };
  const api = createApiClient({ getToken: teams.getAuthToken });
  const me = getMe(api);
  // A deep link moves the tab to another page first (use-host.ts): the session primes that page then.
  if (deepLinkHref(teams.subPageId, window.location.search)) return { config, api, me: await me };
  // Beside `/me`, not after it: what the page asks whoever the user is leaves now (first-page-data.ts).
  primeFirstPage(api, me, pathname);
  return { config, api, me: await me, primed: true };
}

/** What start-up goes on with, once the configuration is known; local mode primes the page at `pathname`. */
function startFrom(config: AuthConfig, pathname: string): EarlyStart | Promise<EarlyStart> {
  if (config.mode === 'entra') return mayBeInTeams() ? startInTeams(config, pathname) : { config };
  if (config.mode !== 'local') return { config };
  const api = createApiClient({ onUnauthenticated: () => onUnauthenticated?.() });
  // In Teams a deep link may still move the tab to another page (use-host.ts): the session primes then.
  if (!config.session?.signedIn || mayBeInTeams()) return { config, api };
  const primedArrival = primeFirstPage(api, config.session.me, pathname);
  return { config, api, primed: true, primedArrival };
}

/**
 * Starts from the configuration index.html carries, else asks `/auth/config` now; in local mode a signed-in
 * answer primes the page at `pathname` at once.
 */
export function requestAuthConfigEarly(pathname: string = window.location.pathname): void {
  if (early) return;
  // In Teams, teams-js downloads (the server preloads it for a framed page) and Teams answers meanwhile, in every
  // sign-in mode; the host hook takes this connection (connectToTeamsOnce).
  if (mayBeInTeams()) void connectToTeamsOnce();
  const embedded = embeddedConfig();
  const config = embedded ? Promise.resolve(embedded) : getAuthConfig(createApiClient());
  const started = config.then((known) => startFrom(known, pathname));
  early = started;
  // Local mode renders the page at once when the session is known, with the first page's data when that too has
  // arrived within main.tsx's wait (issue 21: the page's data in its first render, not one commit later); entra
  // mode shows the spinner until Teams and `/me` have answered whatever happens, so its first render need not wait
  // for them.
  renderable = config.then((known) =>
    known.mode === 'local' ? started.then((start) => start.primedArrival) : undefined,
  );
  renderable.catch(() => undefined); // reported by whoever takes `early`
  // Whoever takes it reports a failure; a start-up answer nobody takes fails unseen.
  early.then(
    (start) => {
      arrived = start;
    },
    () => undefined,
  );
}

/**
 * What start-up found, once; afterwards (a retry, signing in again) a fresh configuration, so a session that
 * changed since is not served from the start. `onExpired` is told about a 401 on the start-up client.
 */
export async function takeEarlyStart(onExpired: () => void): Promise<EarlyStart> {
  const answer = early;
  early = undefined;
  renderable = undefined;
  arrived = undefined;
  if (!answer) return { config: await getAuthConfig(createApiClient()) };
  onUnauthenticated = onExpired;
  return answer;
}

/**
 * Settles when start-up's answer has arrived, or after `ms` (a slow or failing server must not keep the page
 * blank: then the first render shows the spinner, as before). main.tsx waits on it before React's first render.
 */
export function earlyStartArrival(ms: number): Promise<void> {
  const settled = renderable?.then(
    () => undefined,
    () => undefined,
  );
  if (!settled) return Promise.resolve();
  return Promise.race([settled, new Promise<void>((resolve) => setTimeout(resolve, ms))]);
}

/**
 * Local mode, when start-up already knows the user is signed in: the session to show from React's very first
 * render (taken, like {@link takeEarlyStart}: only once). Undefined when the answer has not arrived yet, carries
 * no signed-in session, or did not prime the page.
 */
export function takeArrivedSession(onExpired: () => void): { api: ApiClient; me: Me } | undefined {
  const start = arrived;
  if (!start?.api || !start.primed || !start.config.session?.signedIn) return undefined;
  early = undefined;
  renderable = undefined;
  arrived = undefined;
  onUnauthenticated = onExpired;
  return { api: start.api, me: start.config.session.me };
}
