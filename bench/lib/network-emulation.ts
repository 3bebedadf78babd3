import type { BrowserContext, CDPSession, Page } from 'playwright-core';

// Network conditions like production's for the browser benches (issue 21). On loopback a round trip costs about a
// millisecond, so a page that waits for one request after another (document → script → data) looks as quick as the
// blank tab that waits for fewer; over a real network every such hop costs a round trip. These figures are an
// ASSUMPTION, not a measurement: a Teams desktop client in the Netherlands on office Wi-Fi, talking to a server in
// Azure West Europe (Amsterdam) — a few ms of Wi-Fi, the office's uplink and the provider's network to the region,
// and Azure's front end, about 40 ms per round trip all told — with a share of a busy office line: 20 Mbit/s down,
// 5 Mbit/s up. Change them here; the suite's and the tools' output names the figures they ran with.

/** Added to every request's response, in ms: the round trip Chromium's DevTools emulation waits before it. */
export const EMULATED_LATENCY_MS = 40;
/** Download throughput, Mbit/s. */
export const EMULATED_DOWNLOAD_MBIT_S = 20;
/** Upload throughput, Mbit/s. */
export const EMULATED_UPLOAD_MBIT_S = 5;

/** Conditions for Chromium's `Network.emulateNetworkConditions`. */
export interface NetworkConditions {
  latencyMs: number;
  downloadMbitS: number;
  uploadMbitS: number;
}

/** The assumed production network (see the constants above). */
export const PRODUCTION_LIKE: NetworkConditions = {
  latencyMs: EMULATED_LATENCY_MS,
  downloadMbitS: EMULATED_DOWNLOAD_MBIT_S,
  uploadMbitS: EMULATED_UPLOAD_MBIT_S,
};

/** `40 ms, 20/5 Mbit/s`: how reports name the conditions. */
export const describeConditions = (conditions: NetworkConditions) =>
  `${conditions.latencyMs} ms, ${conditions.downloadMbitS}/${conditions.uploadMbitS} Mbit/s`;

/** Mbit/s to the bytes per second CDP takes. */
const bytesPerSecond = (mbitS: number) => Math.round((mbitS * 1_000_000) / 8);

/**
 * Applies `conditions` to `page` through a CDP session of its own (kept open: closing it would end the emulation).
 * They hold for every navigation of that page, and, in Chromium, for the requests of the workers it starts (see
 * bench/README.md, tab-load: how that was checked). Returns the session, for callers that want its events too.
 */
export async function emulateNetwork(page: Page, conditions: NetworkConditions): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: conditions.latencyMs,
    downloadThroughput: bytesPerSecond(conditions.downloadMbitS),
    uploadThroughput: bytesPerSecond(conditions.uploadMbitS),
  });
  return cdp;
}

/** The context's page (opened when it has none yet), with `conditions` applied when given. */
export async function emulatedPage(context: BrowserContext, conditions?: NetworkConditions): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  if (conditions) await emulateNetwork(page, conditions);
  return page;
}
