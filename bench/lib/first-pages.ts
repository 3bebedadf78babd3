import type { BrowserContext, Page } from 'playwright-core';
import { BLANK_TAB_HEADING, BLANK_TAB_PATH } from './blank-tab.js';
import { OVERVIEW_HEADING } from './page-timing.js';
import type { SessionCookie } from './sign-in.js';

/** How long one timed wait may take before the sample counts as a failure. */
const WAIT_MS = 20_000;

/** A network of the signed-in coordinator: its network page and its meetings page are timed. */
export interface BenchNetwork {
  id: string;
  name: string;
}

/** A call-out the bench started for its call-out page, and a wijk its heading names. */
export interface BenchCallOut {
  id: string;
  placeName: string;
}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function api<T>(
  baseUrl: string,
  cookie: SessionCookie,
  path: string,
  init: RequestInit = {},
): Promise<T> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    ...init,
    headers: {
      cookie: `${cookie.name}=${cookie.value}`,
      accept: 'application/json',
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...(init.headers as Record<string, string> | undefined),
    },
  });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/** The first network the signed-in user coordinates (else the first they hold a role in). */
export async function coordinatedNetwork(baseUrl: string, cookie: SessionCookie): Promise<BenchNetwork> {
  const me = await api<{ roles: { networkId: string; networkName: string; role: string }[] }>(
    baseUrl,
    cookie,
    '/me',
  );
  const role = me.roles.find((candidate) => candidate.role === 'coordinator') ?? me.roles[0];
  if (!role) throw new Error('the bench user holds no role in any network');
  return { id: role.networkId, name: role.networkName };
}

/**
 * Starts a crisis call-out (an incident in a wijk of the district holding `network`, which the signed-in
 * coordinator may alert) for the call-out page's rows; {@link closeBenchCallOut} closes it afterwards, so the
 * overview's list of open call-outs is empty again for whatever runs next.
 */
export async function startBenchCallOut(
  baseUrl: string,
  cookie: SessionCookie,
  network: BenchNetwork,
): Promise<BenchCallOut> {
  const areas = await api<{
    municipalities: {
      districts: {
        neighbourhoods: { id: string; name: string; archived: boolean }[];
        networks: { id: string }[];
      }[];
    }[];
  }>(baseUrl, cookie, '/areas');
  const districts = areas.municipalities.flatMap((municipality) => municipality.districts);
  // The network's own district first: a call-out needs a wijk that one of the starter's networks covers.
  const places = [
    ...districts.filter((district) => district.networks.some((candidate) => candidate.id === network.id)),
    ...districts,
  ]
    .flatMap((district) => district.neighbourhoods)
    .filter((neighbourhood) => !neighbourhood.archived);
  const refusals: string[] = [];
  for (const place of places.slice(0, 12)) {
    try {
      const callOut = await api<{ id: string }>(baseUrl, cookie, '/call-outs', {
        method: 'POST',
        headers: { 'idempotency-key': crypto.randomUUID() },
        body: JSON.stringify({
          kind: 'incident',
          urgency: 'today',
          summary: 'Bench: fictieve oproep om de pagina te meten.',
          ask: 'Niets doen: dit is een meting.',
          placeIds: [place.id],
        }),
      });
      return { id: callOut.id, placeName: place.name };
    } catch (error) {
      // Refused (no covering network of the starter's): nothing was started; try the next wijk.
      refusals.push(error instanceof Error ? error.message : String(error));
    }
  }
  throw new Error(`could not start a bench call-out: ${refusals.join('; ')}`);
}

/** Closes the call-out {@link startBenchCallOut} started. */
export async function closeBenchCallOut(baseUrl: string, cookie: SessionCookie, callOut: BenchCallOut) {
  await api(baseUrl, cookie, `/call-outs/${callOut.id}/close`, {
    method: 'POST',
    body: JSON.stringify({ evaluationNote: 'Bench: meting afgerond.' }),
  });
}

async function pageOf(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? (await context.newPage());
}

/** Navigates `context`'s page to `path` and times it until a level-1 heading named `name` is visible. */
export async function timeUntilHeading(
  context: BrowserContext,
  baseUrl: string,
  path: string,
  name: string | RegExp,
): Promise<number> {
  const page = await pageOf(context);
  const started = performance.now();
  await page.goto(`${baseUrl}${path}`, { waitUntil: 'commit', timeout: WAIT_MS });
  await page.getByRole('heading', { level: 1, name }).waitFor({ state: 'visible', timeout: WAIT_MS });
  return performance.now() - started;
}

/** `/netwerken/{id}` until its h1 (the network's name). */
export const timeNetworkFirstPage = (context: BrowserContext, baseUrl: string, network: BenchNetwork) =>
  timeUntilHeading(context, baseUrl, `/netwerken/${network.id}`, network.name);

/** `/netwerken/{id}/overleggen` (the network's meetings) until its h1, which names the network. */
export const timeMeetingsPage = (context: BrowserContext, baseUrl: string, network: BenchNetwork) =>
  timeUntilHeading(
    context,
    baseUrl,
    `/netwerken/${network.id}/overleggen`,
    new RegExp(escapeRegExp(network.name)),
  );

/** `/crisisoproepen/{id}` (one call-out, as a recipient opens it from the card) until its h1, which names the wijk. */
export const timeCallOutPage = (context: BrowserContext, baseUrl: string, callOut: BenchCallOut) =>
  timeUntilHeading(
    context,
    baseUrl,
    `/crisisoproepen/${callOut.id}`,
    new RegExp(escapeRegExp(callOut.placeName)),
  );

/** A page the bench tools open: its name (as in their PAGES variable), its path and the h1 that shows it. */
export interface FirstPageTarget {
  name: string;
  path: string;
  heading: string | RegExp;
}

/**
 * The blank tab and the first pages (overview, network page, meetings, and the call-out page when a call-out was
 * started for it), as bench/tools/tab-*.ts open them, keeping those named in `wanted`.
 */
export function firstPageTargets(
  network: BenchNetwork,
  callOut: BenchCallOut | undefined,
  wanted: readonly string[],
): FirstPageTarget[] {
  const pages: FirstPageTarget[] = [
    { name: 'blank', path: `${BLANK_TAB_PATH}/`, heading: BLANK_TAB_HEADING },
    { name: 'overview', path: '/', heading: OVERVIEW_HEADING },
    { name: 'network', path: `/netwerken/${network.id}`, heading: network.name },
    {
      name: 'meetings',
      path: `/netwerken/${network.id}/overleggen`,
      heading: new RegExp(escapeRegExp(network.name)),
    },
  ];
  if (callOut)
    pages.push({
      name: 'call-out',
      path: `/crisisoproepen/${callOut.id}`,
      heading: new RegExp(escapeRegExp(callOut.placeName)),
    });
  return pages.filter((page) => wanted.includes(page.name));
}
