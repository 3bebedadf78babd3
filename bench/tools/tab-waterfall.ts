// The request waterfall of each first page until its h1, empty cache: for every request its start and end (ms after
// the document request left), its bytes, its initiator (CDP) and what it waited for, and the number of sequential
// hops (dependency depth) before the h1 with the bytes on each hop. Hop counts and request counts are the figures to
// compare between builds; the times move with the machine's load.
// EMULATE=1 records under the assumed production network of bench/lib/network-emulation.ts (40 ms a round trip,
// 20/5 Mbit/s), set on the page's own CDP session, and prints each page's h1 ÷ the blank tab's (PAGES must then
// hold blank). WARM=1 loads each page once unrecorded in the context first and records the second load (warm
// cache); the `cache` column then says per request whether it came from the disk/memory cache or the network.
//   node --import tsx bench/tools/tab-waterfall.ts      (PAGES=overview,network,meetings,call-out; ROUNDS=1;
//                                                        QUIET=1 prints only the summary lines; EMULATE=1; WARM=1)
import type { BrowserContext, CDPSession } from 'playwright-core';
import { openFirstPageSession } from '../lib/first-page-session.js';
import { describeConditions, emulateNetwork, PRODUCTION_LIKE } from '../lib/network-emulation.js';
import { freshContext } from '../lib/page-timing.js';
import { median } from '../lib/stats.js';

const wanted = (process.env.PAGES ?? 'blank,overview,network,meetings,call-out').split(',');
const rounds = Number(process.env.ROUNDS ?? 1);
const quiet = process.env.QUIET === '1';
const conditions = process.env.EMULATE === '1' ? PRODUCTION_LIKE : undefined;
const warmCache = process.env.WARM === '1';

/** One request as CDP's Network domain reported it (times in ms after the document request left). */
interface Request {
  id: string;
  url: string;
  type: string;
  /** Who issued it: 'parser' (the HTML), 'preload', or the script (file name) whose code asked. */
  initiator: string;
  start: number;
  end: number;
  bytes: number;
  /** 'disk', 'memory' (cache), 'network' (a 304 revalidation included), as CDP's Network domain said. */
  cache: string;
  /** The request it waited for (see {@link waitedFor}), and its depth: the document is hop 0. */
  parent?: Request;
  depth: number;
}

const short = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.pathname.replace(/^\/assets\//, '')}${parsed.search}`;
};

/** The script file in a CDP initiator stack (walking async parents), when the code that asked is known. */
function stackUrl(stack: StackTrace | undefined): string | undefined {
  for (let current = stack; current; current = current.parent)
    for (const frame of current.callFrames) if (frame.url) return frame.url;
  return undefined;
}
interface StackTrace {
  callFrames: { url: string }[];
  parent?: StackTrace;
}

const isApi = (request: Request) => new URL(request.url).pathname.startsWith('/api/');
/** The browser's own favicon request: nothing the page waits for. */
const isFavicon = (request: Request) => /^\/favicon\./.test(new URL(request.url).pathname);

/**
 * What a request waited for. Requests the HTML asks for (parser, `<link rel="modulepreload">`) wait for the
 * document only. An API call waits for the script that asked (CDP's initiator) and, for data that depends on an
 * earlier answer, for that answer: taken as whichever of the two finished last before it left. Anything else a
 * script asks for (a dynamic import) is taken to wait for the request that finished last before it left among the
 * document, the scripts and the API calls. Both are timing inferences, printed next to CDP's initiator for the
 * reader to check.
 */
function waitedFor(request: Request, before: Request[]): Request | undefined {
  const document = before[0];
  if (request.initiator === 'parser' || request.initiator === 'preload') return document;
  const initiator = before.find((candidate) => short(candidate.url) === request.initiator);
  const possible = isApi(request)
    ? before.filter((candidate) => candidate === initiator || isApi(candidate))
    : before.filter((candidate) => !isFavicon(candidate));
  let best: Request | undefined;
  for (const candidate of possible)
    if (candidate !== request && candidate.end <= request.start && (!best || candidate.end > best.end))
      best = candidate;
  return best ?? initiator ?? document;
}

interface Waterfall {
  h1: number;
  requests: Request[];
}

async function record(context: BrowserContext, url: string, heading: string | RegExp): Promise<Waterfall> {
  const page = context.pages()[0] ?? (await context.newPage());
  // The moment an h1 with text first shows (wall-clock ms), by a MutationObserver installed before any script.
  await page.addInitScript(() => {
    const seen: { text: string; at: number }[] = [];
    (window as unknown as { __h1s: typeof seen }).__h1s = seen;
    new MutationObserver(() => {
      for (const h1 of Array.from(document.querySelectorAll('h1'))) {
        const text = h1.textContent ?? '';
        if (text && !seen.some((entry) => entry.text === text))
          seen.push({ text, at: performance.timeOrigin + performance.now() });
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  // Under EMULATE the page carries the emulation's own session already (set when the context was made); this one
  // only listens.
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Debugger.enable');
  await cdp.send('Debugger.setAsyncCallStackDepth', { maxDepth: 32 });
  const byId = new Map<string, Request>();
  let origin: { monotonic: number; wall: number } | undefined;
  cdp.on('Network.requestWillBeSent', (event) => {
    if (event.request.url.startsWith('data:')) return;
    const at = event.timestamp * 1000;
    origin ??= { monotonic: at, wall: event.wallTime * 1000 };
    const initiator =
      event.initiator.type === 'script'
        ? short(stackUrl(event.initiator.stack as StackTrace | undefined) ?? event.initiator.url ?? url)
        : event.initiator.type === 'parser' || event.initiator.type === 'preload'
          ? event.initiator.type
          : byId.size === 0
            ? 'navigation'
            : event.initiator.type;
    byId.set(event.requestId, {
      id: event.requestId,
      url: event.request.url,
      type: event.type ?? 'Other',
      initiator,
      start: at - origin.monotonic,
      end: Number.NaN,
      bytes: 0,
      cache: 'network',
      depth: 0,
    });
  });
  cdp.on('Network.requestServedFromCache', (event) => {
    const request = byId.get(event.requestId);
    if (request) request.cache = 'memory';
  });
  cdp.on('Network.responseReceived', (event) => {
    const request = byId.get(event.requestId);
    if (!request) return;
    if (event.response.fromDiskCache) request.cache = 'disk';
    else if (event.response.status === 304) request.cache = 'network 304';
  });
  cdp.on('Network.loadingFinished', (event) => {
    const request = byId.get(event.requestId);
    if (!request || !origin) return;
    request.end = event.timestamp * 1000 - origin.monotonic;
    request.bytes = event.encodedDataLength;
  });
  await page.goto(url, { waitUntil: 'commit' });
  await page.getByRole('heading', { level: 1, name: heading }).waitFor({ state: 'visible', timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  const h1s = await page.evaluate(
    () => (window as unknown as { __h1s: { text: string; at: number }[] }).__h1s,
  );
  await cdp.detach();
  const matches = (text: string) => (typeof heading === 'string' ? text === heading : heading.test(text));
  const h1Wall = h1s.find((entry) => matches(entry.text))?.at ?? Number.NaN;
  const h1 = origin ? h1Wall - origin.wall : Number.NaN;
  const requests = [...byId.values()].filter((request) => !Number.isNaN(request.end));
  requests.sort((a, b) => a.start - b.start);
  for (const request of requests.slice(1)) {
    request.parent = waitedFor(request, requests);
    request.depth = (request.parent?.depth ?? 0) + 1;
  }
  return { h1, requests };
}

/**
 * Requests finished before the h1, the browser's favicon left out: the page's critical set, an upper bound (on a
 * busy machine an answer the h1 did not need may still arrive before the page's code has rendered it).
 */
const beforeH1 = (waterfall: Waterfall) =>
  waterfall.requests.filter((request) => request.end <= waterfall.h1 && !isFavicon(request));

function print(name: string, waterfall: Waterfall) {
  const critical = beforeH1(waterfall);
  const hops = Math.max(...critical.map((request) => request.depth));
  console.log(
    `\n${name}: h1 at ${waterfall.h1.toFixed(0)} ms, ${critical.length} requests before it, ${hops} hops`,
  );
  console.log('  start    end  hop    bytes  cache        request  ← initiator | waited for');
  for (const request of waterfall.requests) {
    const after = request.end > waterfall.h1 ? ' (after h1)' : '';
    console.log(
      `  ${request.start.toFixed(0).padStart(5)}  ${request.end.toFixed(0).padStart(5)}  ${String(request.depth).padStart(3)}  ${String(request.bytes).padStart(7)}  ${request.cache.padEnd(11)}  ${short(request.url)}  ← ${request.initiator} | ${request.parent ? short(request.parent.url) : '-'}${after}`,
    );
  }
  const perHop = new Map<number, { count: number; bytes: number }>();
  for (const request of critical) {
    const hop = perHop.get(request.depth) ?? { count: 0, bytes: 0 };
    hop.count += 1;
    hop.bytes += request.bytes;
    perHop.set(request.depth, hop);
  }
  console.log(
    `  per hop: ${[...perHop.entries()]
      .sort(([a], [b]) => a - b)
      .map(([depth, hop]) => `${depth}: ${hop.count} req ${(hop.bytes / 1024).toFixed(1)} KiB`)
      .join(' · ')}`,
  );
}

const session = await openFirstPageSession(wanted);
try {
  const summary: string[] = [];
  const h1s = new Map<string, number>();
  for (const target of session.pages) {
    const samples: Waterfall[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const context = await freshContext(session.browser, session.baseUrl, session.cookie);
      const page = await context.newPage();
      if (conditions) await emulateNetwork(page, conditions);
      const url = `${session.baseUrl}${target.path}`;
      if (warmCache) await record(context, url, target.heading);
      samples.push(await record(context, url, target.heading));
      await context.close();
    }
    if (!quiet) print(target.name, samples.at(-1) as Waterfall);
    const of = (pick: (waterfall: Waterfall) => number) => median(samples.map(pick));
    h1s.set(
      target.name,
      of((w) => w.h1),
    );
    summary.push(
      `${target.name.padEnd(10)} ${String(of((w) => Math.max(...beforeH1(w).map((r) => r.depth)))).padStart(4)} ${String(of((w) => beforeH1(w).length)).padStart(11)} ${String(of((w) => beforeH1(w).filter((r) => r.type === 'Script').length)).padStart(10)} ${String(of((w) => beforeH1(w).filter((r) => r.type === 'Fetch' || r.type === 'XHR').length)).padStart(8)} ${(of((w) => beforeH1(w).reduce((sum, r) => sum + r.bytes, 0)) / 1024).toFixed(1).padStart(9)} ${of(
        (w) => w.h1,
      )
        .toFixed(0)
        .padStart(6)}`,
    );
  }
  console.log(
    `\npage       hops  requests<h1  scripts<h1  API<h1  KiB<h1    h1 ms (${warmCache ? 'warm' : 'empty'} cache, median; ${conditions ? `emulated ${describeConditions(conditions)}` : 'loopback'})   ÷ blank`,
  );
  const blank = h1s.get('blank');
  for (const [index, line] of summary.entries()) {
    const h1 = h1s.get(session.pages[index]?.name ?? '');
    console.log(`${line}   ${blank && h1 ? (h1 / blank).toFixed(2) : '-'}`);
  }
} finally {
  await session.close();
}
