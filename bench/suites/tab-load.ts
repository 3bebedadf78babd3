import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { TAB_DIST_DIR } from '../../src/server/app.js';
import { buildBlankTab, buildSignedInBlankTab } from '../lib/blank-tab.js';
import { CHROMIUM_PATH, chromiumAvailable, launchBenchChromium } from '../lib/browser.js';
import {
  closeBenchCallOut,
  coordinatedNetwork,
  startBenchCallOut,
  timeCallOutPage,
  timeMeetingsPage,
  timeNetworkFirstPage,
} from '../lib/first-pages.js';
import { type InitialJs, measureInitialJs } from '../lib/initial-js.js';
import { describeConditions, type NetworkConditions, PRODUCTION_LIKE } from '../lib/network-emulation.js';
import { medianRatios } from '../lib/network-pages.js';
import {
  freshContext,
  type OverviewTiming,
  timeBlankTab,
  timeOverview,
  timeSignedInBlankTab,
} from '../lib/page-timing.js';
import { benchServer } from '../lib/server.js';
import { type SessionCookie, signInLocally } from '../lib/sign-in.js';
import { median } from '../lib/stats.js';
import type { BenchOptions, Column, MeasurementRow, Ratio, Suite, SuiteOutcome } from '../lib/types.js';

const COLUMNS: Column[] = [
  { key: 'median', title: 'median ms', digits: 0 },
  { key: 'min', title: 'min ms', digits: 0 },
  { key: 'max', title: 'max ms', digits: 0 },
  { key: 'samples', title: 'samples' },
];

/** Blank-tab samples per round, in each cache state: it is the yardstick of every ratio. */
const BASELINE_REPEATS = 2;

/** Timings in milliseconds, one list per measured row. */
interface Samples {
  blankCold: number[];
  blankWarm: number[];
  signedInCold: number[];
  signedInWarm: number[];
  coldHeading: number[];
  coldAreas: number[];
  warmHeading: number[];
  warmAreas: number[];
  coldNetwork: number[];
  warmNetwork: number[];
  coldMeetings: number[];
  warmMeetings: number[];
  coldCallOut: number[];
  warmCallOut: number[];
}

type Key = keyof Samples;

const COLD = { key: 'blankCold', atMost: 1.5 } as const;
const WARM = { key: 'blankWarm', atMost: 1.2 } as const;

const ROWS: readonly {
  key: Key;
  role: MeasurementRow['role'];
  label: string;
  /** The baseline row in the same cache state, and the goal for subject ÷ it. */
  against?: { key: Key; atMost: number };
}[] = [
  { key: 'blankCold', role: 'baseline', label: 'blank tab until heading visible (empty cache)' },
  { key: 'blankWarm', role: 'baseline', label: 'blank tab until heading visible (warm cache)' },
  {
    key: 'signedInCold',
    role: 'baseline',
    label: 'signed-in blank tab (one read of /me) until heading visible (empty cache)',
  },
  {
    key: 'signedInWarm',
    role: 'baseline',
    label: 'signed-in blank tab (one read of /me) until heading visible (warm cache)',
  },
  {
    key: 'coldHeading',
    role: 'subject',
    label: '/ until overview heading visible (empty cache)',
    against: COLD,
  },
  { key: 'coldAreas', role: 'subject', label: '/ until first district shown (empty cache)', against: COLD },
  {
    key: 'warmHeading',
    role: 'subject',
    label: '/ until overview heading visible (warm cache)',
    against: WARM,
  },
  { key: 'warmAreas', role: 'subject', label: '/ until first district shown (warm cache)', against: WARM },
  {
    key: 'coldNetwork',
    role: 'subject',
    label: '/netwerken/{id} until heading visible (empty cache)',
    against: COLD,
  },
  {
    key: 'warmNetwork',
    role: 'subject',
    label: '/netwerken/{id} until heading visible (warm cache)',
    against: WARM,
  },
  {
    key: 'coldMeetings',
    role: 'subject',
    label: '/netwerken/{id}/overleggen until heading visible (empty cache)',
    against: COLD,
  },
  {
    key: 'warmMeetings',
    role: 'subject',
    label: '/netwerken/{id}/overleggen until heading visible (warm cache)',
    against: WARM,
  },
  {
    key: 'coldCallOut',
    role: 'subject',
    label: '/crisisoproepen/{id} until heading visible (empty cache)',
    against: COLD,
  },
  {
    key: 'warmCallOut',
    role: 'subject',
    label: '/crisisoproepen/{id} until heading visible (warm cache)',
    against: WARM,
  },
];

/**
 * The second yardstick, without a goal: each first page's heading ÷ the signed-in blank tab in the same cache state,
 * the least a page costs that shows its heading only with one signed-in read, as every first page does.
 */
const SIGNED_IN_AGAINST: Partial<Record<Key, { key: Key }>> = {
  coldHeading: { key: 'signedInCold' },
  warmHeading: { key: 'signedInWarm' },
  coldNetwork: { key: 'signedInCold' },
  warmNetwork: { key: 'signedInWarm' },
  coldMeetings: { key: 'signedInCold' },
  warmMeetings: { key: 'signedInWarm' },
  coldCallOut: { key: 'signedInCold' },
  warmCallOut: { key: 'signedInWarm' },
};

function sampleCount(options: BenchOptions): number {
  return options.quick ? 3 : 5;
}

/**
 * Rounds under emulated network conditions: every load there costs round trips of 40 ms, so fewer rounds keep the
 * suite's run time modest (about 20 s more); the ratios still come from 6 blank-tab samples per cache state.
 */
function emulatedSampleCount(options: BenchOptions): number {
  return options.quick ? 2 : 3;
}

/** How the emulated rows' labels start: the conditions they ran under. */
const emulatedLabel = (label: string) => `[${describeConditions(PRODUCTION_LIKE)}] ${label}`;

async function inFreshContext<T>(
  browser: Browser,
  baseUrl: string,
  cookie: SessionCookie | undefined,
  work: (context: BrowserContext) => Promise<T>,
  conditions?: NetworkConditions,
): Promise<T> {
  const context = await freshContext(browser, baseUrl, cookie, conditions);
  try {
    return await work(context);
  } finally {
    await context.close();
  }
}

/** One timed page: how to time it in a context; `record` files the sample (or samples) away. */
type Step = (context: BrowserContext) => Promise<void>;

/**
 * Runs `count` rounds of the blank tab (twice per round in each cache state) and each of `subjects` (once per
 * round in each cache state), in rotating order after an unrecorded warm-up of each in the warm context.
 */
async function rounds(
  browser: Browser,
  baseUrl: string,
  cookie: SessionCookie,
  count: number,
  samples: Samples,
  subjects: readonly { cold: Step; warm: Step; warmUp: Step }[],
  conditions?: NetworkConditions,
) {
  const fresh = <T>(work: (context: BrowserContext) => Promise<T>) =>
    inFreshContext(browser, baseUrl, cookie, work, conditions);
  const warm = await freshContext(browser, baseUrl, cookie, conditions);
  const steps = [
    async () => {
      // The yardstick of every ratio: more samples than a subject, so one slow sample moves it less.
      for (let repeat = 0; repeat < BASELINE_REPEATS; repeat += 1) {
        samples.blankCold.push(await fresh((c) => timeBlankTab(c, baseUrl)));
      }
    },
    async () => {
      for (let repeat = 0; repeat < BASELINE_REPEATS; repeat += 1) {
        samples.blankWarm.push(await timeBlankTab(warm, baseUrl));
      }
    },
    async () => {
      samples.signedInCold.push(await fresh((c) => timeSignedInBlankTab(c, baseUrl)));
    },
    async () => {
      samples.signedInWarm.push(await timeSignedInBlankTab(warm, baseUrl));
    },
    ...subjects.flatMap((subject) => [() => fresh(subject.cold), () => subject.warm(warm)]),
  ];
  try {
    // One of each first, unrecorded: it fills the warm cache and wakes both browser and server.
    await fresh((c) => timeBlankTab(c, baseUrl));
    await timeBlankTab(warm, baseUrl);
    await fresh((c) => timeSignedInBlankTab(c, baseUrl));
    await timeSignedInBlankTab(warm, baseUrl);
    for (const subject of subjects) await subject.warmUp(warm);
    for (let index = 0; index < count; index += 1) {
      // Rotate the order so that no row always runs right after the same other row.
      const rotated = [...steps.slice(index % steps.length), ...steps.slice(0, index % steps.length)];
      for (const step of rotated) await step();
    }
  } finally {
    await warm.close();
  }
}

/** A subject timed by `time`, its samples filed under `cold` and `warm`. */
function subject(
  samples: Samples,
  keys: { cold: Key; warm: Key },
  time: (context: BrowserContext) => Promise<number>,
) {
  return {
    cold: async (context: BrowserContext) => {
      samples[keys.cold].push(await time(context));
    },
    warm: async (context: BrowserContext) => {
      samples[keys.warm].push(await time(context));
    },
    warmUp: async (context: BrowserContext) => {
      await time(context);
    },
  };
}

async function collectSamples(
  browser: Browser,
  baseUrl: string,
  cookie: SessionCookie,
  count: number,
  conditions?: NetworkConditions,
) {
  const samples: Samples = {
    blankCold: [],
    blankWarm: [],
    signedInCold: [],
    signedInWarm: [],
    coldHeading: [],
    coldAreas: [],
    warmHeading: [],
    warmAreas: [],
    coldNetwork: [],
    warmNetwork: [],
    coldMeetings: [],
    warmMeetings: [],
    coldCallOut: [],
    warmCallOut: [],
  };
  const record = (prefix: 'cold' | 'warm', timing: OverviewTiming) => {
    samples[`${prefix}Heading`].push(timing.heading);
    samples[`${prefix}Areas`].push(timing.areas);
  };
  const network = await coordinatedNetwork(baseUrl, cookie);
  // First the pages that an open call-out would change (the overview lists open call-outs), then the call-out
  // page with a call-out started for it, closed again afterwards. The blank tab is timed in both phases; its
  // samples make one baseline.
  const timeRounds = (subjects: Parameters<typeof rounds>[5]) =>
    rounds(browser, baseUrl, cookie, count, samples, subjects, conditions);
  await timeRounds([
    {
      cold: async (c) => record('cold', await timeOverview(c, baseUrl)),
      warm: async (c) => record('warm', await timeOverview(c, baseUrl)),
      warmUp: async (c) => {
        await timeOverview(c, baseUrl);
      },
    },
    subject(samples, { cold: 'coldNetwork', warm: 'warmNetwork' }, (c) =>
      timeNetworkFirstPage(c, baseUrl, network),
    ),
    subject(samples, { cold: 'coldMeetings', warm: 'warmMeetings' }, (c) =>
      timeMeetingsPage(c, baseUrl, network),
    ),
  ]);
  const callOut = await startBenchCallOut(baseUrl, cookie, network);
  try {
    await timeRounds([
      subject(samples, { cold: 'coldCallOut', warm: 'warmCallOut' }, (c) =>
        timeCallOutPage(c, baseUrl, callOut),
      ),
    ]);
  } finally {
    await closeBenchCallOut(baseUrl, cookie, callOut);
  }
  return samples;
}

function toRows(samples: Samples, relabel: (label: string) => string = (label) => label): MeasurementRow[] {
  return ROWS.map(({ key, role, label }) => {
    const values = samples[key];
    return {
      role,
      label: relabel(label),
      values: {
        median: median(values),
        min: Math.min(...values),
        max: Math.max(...values),
        samples: values.length,
      },
    };
  });
}

function toRatios(rows: MeasurementRow[]): Ratio[] {
  return [
    ...medianRatios(ROWS, rows),
    ...medianRatios(
      ROWS.map(({ key }) => ({ key, against: SIGNED_IN_AGAINST[key] })),
      rows,
    ),
  ];
}

async function contentEncoding(baseUrl: string, path: string | undefined): Promise<string> {
  if (!path) return 'n/a';
  const response = await fetch(`${baseUrl}${path}`, { headers: { 'accept-encoding': 'gzip, br' } });
  await response.arrayBuffer();
  return response.headers.get('content-encoding') ?? 'none';
}

const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

function initialJsFacts(initial: InitialJs, encoding: string): Record<string, string | number> {
  const largest = [...initial.files].sort((a, b) => b.rawBytes - a.rawBytes)[0];
  return {
    'initial JS files': initial.files.length,
    'initial JS raw KiB': kib(initial.rawBytes),
    'initial JS gzip KiB': kib(initial.gzipBytes),
    ...(largest
      ? {
          'largest initial file': `${largest.path} ${kib(largest.rawBytes)} KiB raw, ${kib(largest.gzipBytes)} KiB gzip`,
        }
      : {}),
    'assets served with content-encoding': encoding,
  };
}

function skipped(message: string): SuiteOutcome {
  return { status: 'skipped', message, columns: [], rows: [], ratios: [], facts: {} };
}

/** How long the tab takes to show each first page in headless Chromium, against a blank Fluent tab. */
export const tabLoad: Suite = {
  name: 'tab-load',
  summary:
    'headless Chromium: the first pages (overview, network, meetings, call-out) vs a blank Fluent tab, empty and warm cache; initial JS size',
  async run(options): Promise<SuiteOutcome> {
    if (!existsSync(join(TAB_DIST_DIR, 'index.html')))
      return skipped(
        `the tab is not built (${join(TAB_DIST_DIR, 'index.html')} is missing): run \`npm run build\` first`,
      );
    if (!chromiumAvailable()) return skipped(`Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`);
    const initial = await measureInitialJs(TAB_DIST_DIR);
    const blank = await buildBlankTab();
    await buildSignedInBlankTab();
    const server = await benchServer();
    const cookie = await signInLocally(server.url);
    const chromium = await launchBenchChromium();
    try {
      const samples = await collectSamples(chromium.browser, server.url, cookie, sampleCount(options));
      const rows = toRows(samples);
      // The same rows again with every page (blank tab and first pages, empty and warm) under the assumed
      // production network: on loopback a sequential hop costs ~1 ms, there a round trip.
      const emulated = toRows(
        await collectSamples(
          chromium.browser,
          server.url,
          cookie,
          emulatedSampleCount(options),
          PRODUCTION_LIKE,
        ),
        emulatedLabel,
      );
      const encoding = await contentEncoding(server.url, initial.files[0]?.path);
      return {
        status: 'ok',
        columns: COLUMNS,
        rows: [...rows, ...emulated],
        ratios: [...toRatios(rows), ...toRatios(emulated)],
        facts: {
          rounds: sampleCount(options),
          'emulated network': `${describeConditions(PRODUCTION_LIKE)} (an assumption: bench/lib/network-emulation.ts)`,
          'rounds under emulation': emulatedSampleCount(options),
          ...initialJsFacts(initial, encoding),
          'initial JS gzip KiB goal': '≤ 200',
          'blank tab initial JS gzip KiB': kib(blank.gzipBytes),
        },
      };
    } finally {
      await chromium.close();
    }
  },
};
