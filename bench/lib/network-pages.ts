import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { freshContext, timeLoad } from './page-timing.js';
import type { SessionCookie } from './sign-in.js';
import { median } from './stats.js';
import type { MeasurementRow } from './types.js';

/** How long one timed wait may take before the sample counts as a failure. */
const WAIT_MS = 20_000;

const BASELINE_REPEATS = 3;

/**
 * Whether the built tab has the network page and the graph page: their bundles carry the graph's
 * `data-testid` and the `/netwerken/{id}/graaf` sub-page. Null when both are there, else why not.
 */
export async function missingNetworkPages(distDir: string): Promise<string | null> {
  if (!(await readFile(join(distDir, 'index.html'), 'utf8').catch(() => null)))
    return `the tab is not built (${join(distDir, 'index.html')} is missing): run \`npm run build:tab\` first`;
  const assets = join(distDir, 'assets');
  const scripts = (await readdir(assets).catch(() => [] as string[])).filter((name) => /\.m?js$/.test(name));
  const texts = await Promise.all(scripts.map((name) => readFile(join(assets, name), 'utf8')));
  const has = (needle: string) => texts.some((text) => text.includes(needle));
  if (!has('netwerken')) return 'the built tab has no network page (/netwerken/{id})';
  if (!has('graph-canvas') || !has('graaf')) return 'the built tab has no graph page (/netwerken/{id}/graaf)';
  return null;
}

async function pageOf(context: BrowserContext) {
  return context.pages()[0] ?? (await context.newPage());
}

/** `/netwerken/{id}` until its h1 (the network's name) is visible. */
async function timeNetworkPage(
  context: BrowserContext,
  baseUrl: string,
  network: { id: string; name: string },
): Promise<number> {
  const page = await pageOf(context);
  const started = performance.now();
  await page.goto(`${baseUrl}/netwerken/${network.id}`, { waitUntil: 'commit', timeout: WAIT_MS });
  await page
    .getByRole('heading', { level: 1, name: network.name })
    .waitFor({ state: 'visible', timeout: WAIT_MS });
  return performance.now() - started;
}

/** `/netwerken/{id}/graaf` until the list's heading, then until cytoscape's canvas, is visible. */
async function timeGraphPage(
  context: BrowserContext,
  baseUrl: string,
  networkId: string,
): Promise<{ list: number; canvas: number }> {
  const page = await pageOf(context);
  const started = performance.now();
  await page.goto(`${baseUrl}/netwerken/${networkId}/graaf`, { waitUntil: 'commit', timeout: WAIT_MS });
  await page.locator('#graph-list-heading').waitFor({ state: 'visible', timeout: WAIT_MS });
  const list = performance.now() - started;
  await page
    .locator('[data-testid="graph-canvas"] canvas')
    .first()
    .waitFor({ state: 'visible', timeout: WAIT_MS });
  return { list, canvas: performance.now() - started };
}

interface Samples {
  baseline: number[];
  coldHeading: number[];
  warmHeading: number[];
  coldList: number[];
  coldCanvas: number[];
  warmList: number[];
  warmCanvas: number[];
}

const ROWS: readonly { key: keyof Samples; role: MeasurementRow['role']; label: string }[] = [
  { key: 'baseline', role: 'baseline', label: 'GET /healthz until load (empty cache)' },
  { key: 'coldHeading', role: 'subject', label: '/netwerken/{id} until heading visible (empty cache)' },
  { key: 'warmHeading', role: 'subject', label: '/netwerken/{id} until heading visible (warm cache)' },
  { key: 'coldList', role: 'subject', label: '/netwerken/{id}/graaf until list visible (empty cache)' },
  { key: 'coldCanvas', role: 'subject', label: '/netwerken/{id}/graaf until canvas visible (empty cache)' },
  { key: 'warmList', role: 'subject', label: '/netwerken/{id}/graaf until list visible (warm cache)' },
  { key: 'warmCanvas', role: 'subject', label: '/netwerken/{id}/graaf until canvas visible (warm cache)' },
];

async function inFreshContext<T>(
  browser: Browser,
  baseUrl: string,
  cookie: SessionCookie | undefined,
  work: (context: BrowserContext) => Promise<T>,
): Promise<T> {
  const context = await freshContext(browser, baseUrl, cookie);
  try {
    return await work(context);
  } finally {
    await context.close();
  }
}

/**
 * Times the network page and the graph page against a bare page load, as tab-load does for the
 * overview: an unrecorded warm-up, then `rounds` rounds in rotating order (baseline three times a round).
 */
export async function timeNetworkPages(
  browser: Browser,
  baseUrl: string,
  cookie: SessionCookie,
  network: { id: string; name: string },
  rounds: number,
): Promise<MeasurementRow[]> {
  const samples: Samples = {
    baseline: [],
    coldHeading: [],
    warmHeading: [],
    coldList: [],
    coldCanvas: [],
    warmList: [],
    warmCanvas: [],
  };
  const warm = await freshContext(browser, baseUrl, cookie);
  const steps = [
    async () => {
      for (let repeat = 0; repeat < BASELINE_REPEATS; repeat += 1)
        samples.baseline.push(
          await inFreshContext(browser, baseUrl, undefined, (c) => timeLoad(c, baseUrl, '/healthz')),
        );
    },
    async () =>
      samples.coldHeading.push(
        await inFreshContext(browser, baseUrl, cookie, (c) => timeNetworkPage(c, baseUrl, network)),
      ),
    async () => samples.warmHeading.push(await timeNetworkPage(warm, baseUrl, network)),
    async () => {
      const timing = await inFreshContext(browser, baseUrl, cookie, (c) =>
        timeGraphPage(c, baseUrl, network.id),
      );
      samples.coldList.push(timing.list);
      samples.coldCanvas.push(timing.canvas);
    },
    async () => {
      const timing = await timeGraphPage(warm, baseUrl, network.id);
      samples.warmList.push(timing.list);
      samples.warmCanvas.push(timing.canvas);
    },
  ];
  try {
    await inFreshContext(browser, baseUrl, undefined, (c) => timeLoad(c, baseUrl, '/healthz'));
    await timeNetworkPage(warm, baseUrl, network);
    await timeGraphPage(warm, baseUrl, network.id);
    for (let index = 0; index < rounds; index += 1) {
      const rotated = [...steps.slice(index % steps.length), ...steps.slice(0, index % steps.length)];
      for (const step of rotated) await step();
    }
  } finally {
    await warm.close();
  }
  return ROWS.map(({ key, role, label }) => {
    const values = samples[key];
    return {
      role,
      label,
      values: {
        median: median(values),
        min: Math.min(...values),
        max: Math.max(...values),
        samples: values.length,
      },
    };
  });
}
