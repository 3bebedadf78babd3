// The network map's page (/netwerken/{id}/graaf) of Benchstad's largest network, step by step, empty and warm
// cache: until the list's heading, until cytoscape's canvas element exists, until the graph is drawn (the canvas
// container's data-drawn attribute, set once the layout has run; builds without it report n/a), and, from the
// page's own resource timing, when cytoscape's module was requested and had arrived. Serves the tab built in
// dist/tab; compare builds by running this on each, alternated.
//   node --import tsx bench/tools/graph-timing.ts   (ROUNDS=5; SHOT=/tmp/graph.png saves the last warm view's
//   drawing, to compare a layout change by eye; EMULATE=1 runs every view under bench/lib/network-emulation.ts's
//   production-like network)
import type { BrowserContext } from 'playwright-core';
import { launchBenchChromium } from '../lib/browser.js';
import { generateLargeMunicipality } from '../lib/large-municipality.js';
import { describeConditions, emulateNetwork, PRODUCTION_LIKE } from '../lib/network-emulation.js';
import { freshContext } from '../lib/page-timing.js';
import { benchServer, stopBenchServer } from '../lib/server.js';
import { signInLocallyAs } from '../lib/sign-in.js';
import { median } from '../lib/stats.js';
import { chooseNetwork } from '../suites/network-map.js';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const WAIT_MS = 20_000;
const CONDITIONS = process.env.EMULATE === '1' ? PRODUCTION_LIKE : undefined;

interface Timing {
  list: number;
  canvas: number;
  drawn: number | null;
  cytoscapeRequested: number | null;
  cytoscapeArrived: number | null;
  /** The layout's own time (the component's `graph-layout` measure), main thread. */
  layout: number | null;
}

async function timeGraph(context: BrowserContext, url: string, shot?: string): Promise<Timing> {
  const page = await context.newPage();
  if (CONDITIONS) await emulateNetwork(page, CONDITIONS);
  const started = performance.now();
  await page.goto(url, { waitUntil: 'commit', timeout: WAIT_MS });
  await page.locator('#graph-list-heading').waitFor({ state: 'visible', timeout: WAIT_MS });
  const list = performance.now() - started;
  await page
    .locator('[data-testid="graph-canvas"] canvas')
    .first()
    .waitFor({ state: 'visible', timeout: WAIT_MS });
  const canvas = performance.now() - started;
  let drawn: number | null = null;
  const marked = await page
    .locator('[data-testid="graph-canvas"][data-drawn="true"]')
    .waitFor({ state: 'attached', timeout: 5_000 })
    .then(() => true)
    .catch(() => false);
  if (marked) drawn = performance.now() - started;
  // Resource timing is relative to the page's navigation start, which Playwright's clock does not share: report
  // cytoscape's request and arrival as offsets from the document's request, like tab-waterfall.
  const resource = await page.evaluate(() => {
    const entry = performance.getEntriesByType('resource').find((e) => e.name.includes('cytoscape')) as
      | PerformanceResourceTiming
      | undefined;
    const layout = performance.getEntriesByName('graph-layout').at(-1);
    return {
      cytoscape: entry ? { start: entry.startTime, end: entry.responseEnd } : null,
      layout: layout ? layout.duration : null,
    };
  });
  if (shot && marked) await page.locator('[data-testid="graph-canvas"]').screenshot({ path: shot });
  await page.close();
  return {
    list,
    canvas,
    drawn,
    cytoscapeRequested: resource.cytoscape?.start ?? null,
    cytoscapeArrived: resource.cytoscape?.end ?? null,
    layout: resource.layout,
  };
}

function row(label: string, values: (number | null)[]): string {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return `${label.padEnd(44)} n/a`;
  const sorted = [...known].sort((a, b) => a - b);
  return `${label.padEnd(44)} median ${median(sorted).toFixed(0).padStart(5)} ms  min ${sorted[0]?.toFixed(0).padStart(5)}  max ${sorted.at(-1)?.toFixed(0).padStart(5)}  (${known.length})`;
}

const server = await benchServer();
try {
  const generated = await generateLargeMunicipality(server.database.db);
  const { network, coordinatorId, people } = chooseNetwork(generated.plan);
  const cookie = await signInLocallyAs(server.url, coordinatorId);
  const url = `${server.url}/netwerken/${network.id}/graaf`;
  const chromium = await launchBenchChromium();
  try {
    const empty: Timing[] = [];
    const warm: Timing[] = [];
    const warmContext = await freshContext(chromium.browser, server.url, cookie);
    await timeGraph(warmContext, url);
    for (let round = 0; round < ROUNDS; round += 1) {
      const context = await freshContext(chromium.browser, server.url, cookie);
      empty.push(await timeGraph(context, url));
      await context.close();
      const last = round === ROUNDS - 1;
      warm.push(await timeGraph(warmContext, url, last ? process.env.SHOT : undefined));
    }
    await warmContext.close();
    console.log(
      `graph of ${network.name}: ${people} people; ${ROUNDS} rounds; network: ${CONDITIONS ? describeConditions(CONDITIONS) : 'loopback'}`,
    );
    const steps: [string, (t: Timing) => number | null][] = [
      ['list heading visible', (t) => t.list],
      ['canvas element visible', (t) => t.canvas],
      ['graph drawn', (t) => t.drawn],
      ['cytoscape requested (page clock)', (t) => t.cytoscapeRequested],
      ['cytoscape arrived (page clock)', (t) => t.cytoscapeArrived],
      ['layout (graph-layout measure)', (t) => t.layout],
    ];
    for (const [name, samples] of [
      ['empty', empty],
      ['warm', warm],
    ] as const)
      for (const [label, pick] of steps) console.log(row(`${name}: ${label}`, samples.map(pick)));
  } finally {
    await chromium.close();
  }
} finally {
  await stopBenchServer();
}
