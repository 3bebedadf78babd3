import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { freshContext, timeBlankTab } from './page-timing.js';
import type { SessionCookie } from './sign-in.js';
import { median, ratio } from './stats.js';
import type { MeasurementRow, Ratio } from './types.js';

/** How long one timed wait may take before the sample counts as a failure. */
const WAIT_MS = 20_000;

/** Blank-tab samples per round, in each cache state: it is the yardstick of every ratio. */
const BASELINE_REPEATS = 2;

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

/**
 * `/netwerken/{id}/graaf` until the list's heading is visible, then until the graph is drawn: the canvas container's
 * `data-drawn` attribute, which the page sets once cytoscape has laid the graph out (the canvas element itself exists
 * before the layout has run).
 */
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
    .locator('[data-testid="graph-canvas"][data-drawn="true"]')
    .waitFor({ state: 'attached', timeout: WAIT_MS });
  return { list, canvas: performance.now() - started };
}

interface Samples {
  blankCold: number[];
  blankWarm: number[];
  coldHeading: number[];
  warmHeading: number[];
  coldList: number[];
  coldCanvas: number[];
  warmList: number[];
  warmCanvas: number[];
}

type Key = keyof Samples;

const COLD = { key: 'blankCold', atMost: 1.5 } as const;
const WARM = { key: 'blankWarm', atMost: 1.2 } as const;

const ROWS: readonly {
  key: Key;
  role: MeasurementRow['role'];
  label: string;
  /** The baseline row in the same cache state, and the goal for subject ÷ it (none for the canvas). */
  against?: { key: Key; atMost?: number };
}[] = [
  { key: 'blankCold', role: 'baseline', label: 'blank tab until heading visible (empty cache)' },
  { key: 'blankWarm', role: 'baseline', label: 'blank tab until heading visible (warm cache)' },
  {
    key: 'coldHeading',
    role: 'subject',
    label: '/netwerken/{id} until heading visible (empty cache)',
    against: COLD,
  },
  {
    key: 'warmHeading',
    role: 'subject',
    label: '/netwerken/{id} until heading visible (warm cache)',
    against: WARM,
  },
  {
    key: 'coldList',
    role: 'subject',
    label: '/netwerken/{id}/graaf until list visible (empty cache)',
    against: COLD,
  },
  {
    key: 'coldCanvas',
    role: 'subject',
    label: '/netwerken/{id}/graaf until graph drawn (empty cache)',
    against: { key: 'blankCold' },
  },
  {
    key: 'warmList',
    role: 'subject',
    label: '/netwerken/{id}/graaf until list visible (warm cache)',
    against: WARM,
  },
  {
    key: 'warmCanvas',
    role: 'subject',
    label: '/netwerken/{id}/graaf until graph drawn (warm cache)',
    against: { key: 'blankWarm' },
  },
];

/** Each page row ÷ the blank tab in the same cache state (rows as {@link timeNetworkPages} returns them). */
export function networkPageRatios(rows: readonly MeasurementRow[]): Ratio[] {
  return medianRatios(ROWS, rows);
}

/**
 * Each measured row ÷ the row it is compared `against`, by median, with its goal; `spec[i]` describes `rows[i]`.
 * Shared by the benches that time pages against the blank tab.
 */
export function medianRatios(
  spec: readonly { key: string; against?: { key: string; atMost?: number } }[],
  rows: readonly MeasurementRow[],
): Ratio[] {
  const byKey = new Map(spec.map((row, index) => [row.key, rows[index]]));
  return spec.flatMap(({ key, against }) => {
    const subject = byKey.get(key);
    const baseline = against ? byKey.get(against.key) : undefined;
    if (!against || !subject || !baseline) return [];
    return [
      {
        label: `${subject.label} ÷ ${baseline.label} (median ms)`,
        value: ratio(subject.values.median ?? Number.NaN, baseline.values.median ?? Number.NaN),
        better: 'lower' as const,
        ...(against.atMost !== undefined ? { goal: { atMost: against.atMost } } : {}),
      },
    ];
  });
}

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
 * Times the network page and the graph page against the blank tab (bench/lib/blank-tab.ts, which the
 * caller has built), as tab-load does for the overview: an unrecorded warm-up, then `rounds` rounds in
 * rotating order (the blank tab twice a round in each cache state).
 */
export async function timeNetworkPages(
  browser: Browser,
  baseUrl: string,
  cookie: SessionCookie,
  network: { id: string; name: string },
  rounds: number,
): Promise<MeasurementRow[]> {
  const samples: Samples = {
    blankCold: [],
    blankWarm: [],
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
        samples.blankCold.push(
          await inFreshContext(browser, baseUrl, cookie, (c) => timeBlankTab(c, baseUrl)),
        );
    },
    async () => {
      for (let repeat = 0; repeat < BASELINE_REPEATS; repeat += 1)
        samples.blankWarm.push(await timeBlankTab(warm, baseUrl));
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
    await inFreshContext(browser, baseUrl, cookie, (c) => timeBlankTab(c, baseUrl));
    await timeBlankTab(warm, baseUrl);
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
