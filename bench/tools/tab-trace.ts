// Where a first page's main-thread time goes, by kind of work, from a Chromium trace (CDP Tracing) of the
// renderer's main thread: script per chunk, compile, style recalculation, CSS parsing, layout, paint, GC; the
// style rules inserted (CSSStyleSheet.insertRule, which Griffel calls once per rule) and their own time; and,
// from a second pass with the sampling profiler (CDP Profiler), the script's self time per source package,
// mapped back through the build's source maps (React, Griffel, Fluent components, tabster, the tab's code…).
// Self times: each trace event counts only the part not covered by the events nested in it, in thread (CPU)
// time, so that other processes on a busy machine disturb the figures less than the wall clock.
//   node --import tsx bench/tools/tab-trace.ts   (ROUNDS=3, CACHE=warm|empty, PAGES=blank,overview,network,
//                                                 DETAIL=<package> splits that package's self time per file,
//                                                 DETAIL_LINES=1 per source line of those files,
//                                                 DETAIL='(no url)' the frames without a URL per function, with
//                                                 the package and function of the script frame that called it)
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SourceMapConsumer } from 'source-map-js';
import { projectRoot } from '../../src/platform/project-root.js';
import { BLANK_TAB_DIR, BLANK_TAB_PATH } from '../lib/blank-tab.js';
import { openFirstPageSession } from '../lib/first-page-session.js';
import { freshContext } from '../lib/page-timing.js';
import { median } from '../lib/stats.js';

const rounds = Number(process.env.ROUNDS ?? 3);
const cache = (process.env.CACHE ?? 'warm') as 'warm' | 'empty';
const wanted = (process.env.PAGES ?? 'blank,overview,network').split(',');
const detail = process.env.DETAIL;
const detailLines = process.env.DETAIL_LINES === '1';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event: less disturbed than `dur` by other processes on a busy machine. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; frame?: string }; fileName?: string };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
  'blink',
  'loading',
  'toplevel',
].join(',');

/** The kind of work a trace event stands for; undefined for events that only group others. */
function kindOf(event: TraceEvent): string | undefined {
  const name = event.name;
  if (name === 'UpdateLayoutTree' || name === 'RecalculateStyles' || name === 'RecalcStyle') return 'style';
  if (name === 'ParseAuthorStyleSheet') return 'css-parse';
  if (name === 'Layout') return 'layout';
  if (/^(Paint|PrePaint|Layerize|UpdateLayer|UpdateLayerTree|Commit|CompositeLayers|RasterTask)$/.test(name))
    return 'paint';
  if (/GC|gc/.test(name) && !/GCEvent/.test(name)) return 'gc';
  if (
    /^(v8\.compile|v8\.compileModule|V8\.CompileCode|v8\.parseOnBackground|V8\.ParseFunction|CacheScript)/.test(
      name,
    )
  )
    return 'compile';
  if (name === 'ParseHTML') return 'html';
  if (
    /^(EvaluateScript|v8\.evaluateModule|FunctionCall|EventDispatch|TimerFire|FireAnimationFrame|RunMicrotasks|v8\.run|V8\.Execute|FireIdleCallback|v8\.callFunction)$/.test(
      name,
    )
  )
    return 'script';
  if (name === 'RunTask' || name === 'ThreadControllerImpl::RunTask') return 'other';
  return undefined;
}

interface Breakdown {
  kinds: Record<string, number>;
  scriptByChunk: Record<string, number>;
  rules: number;
  insertRuleMs: number;
  /** fast-memoize cache keys built (JSON.stringify of an `arguments` object) and their characters. */
  memoKeys: number;
  memoChars: number;
}

const chunkOf = (url: string | undefined) => {
  if (!url) return '(no url)';
  const path = url.startsWith('http') ? new URL(url).pathname : url;
  return (
    path
      .split('/')
      .pop()
      ?.replace(/-[A-Za-z0-9_-]{8}\.js$/, '.js') || path
  );
};

/** Self time per kind and per script chunk on the busiest renderer main thread of the trace. */
function breakdown(
  events: TraceEvent[],
): Omit<Breakdown, 'rules' | 'insertRuleMs' | 'memoKeys' | 'memoChars'> {
  const mains = new Set(
    events
      .filter(
        (event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain',
      )
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const event of events) {
    const key = `${event.pid}:${event.tid}`;
    if (!mains.has(key) || event.ph !== 'X' || event.dur === undefined) continue;
    if (kindOf(event) === undefined) continue;
    byThread.set(key, [...(byThread.get(key) ?? []), event]);
  }
  const busiest = [...byThread.values()].sort(
    (a, b) =>
      b.filter((e) => e.name === 'RunTask').reduce((s, e) => s + (e.dur ?? 0), 0) -
      a.filter((e) => e.name === 'RunTask').reduce((s, e) => s + (e.dur ?? 0), 0),
  )[0];
  const kinds: Record<string, number> = {};
  const scriptByChunk: Record<string, number> = {};
  if (!busiest) return { kinds, scriptByChunk };
  busiest.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  interface Open {
    event: TraceEvent;
    end: number;
    child: number;
    childCpu: number;
    url: string | undefined;
  }
  const stack: Open[] = [];
  const close = (open: Open) => {
    // Thread time where the trace has it (nearly every main-thread event), else wall time.
    const self =
      open.event.tdur !== undefined ? open.event.tdur - open.childCpu : (open.event.dur ?? 0) - open.child;
    const kind = kindOf(open.event) ?? 'other';
    kinds[kind] = (kinds[kind] ?? 0) + self / 1000;
    if (kind === 'script' || kind === 'compile') {
      const chunk = chunkOf(open.url);
      scriptByChunk[chunk] = (scriptByChunk[chunk] ?? 0) + self / 1000;
    }
  };
  for (const event of busiest) {
    while (stack.length > 0 && (stack.at(-1)?.end ?? 0) <= event.ts) close(stack.pop() as Open);
    const parent = stack.at(-1);
    if (parent) {
      parent.child += event.dur ?? 0;
      parent.childCpu += event.tdur ?? event.dur ?? 0;
    }
    const url = event.args?.data?.url || event.args?.fileName || parent?.url;
    stack.push({ event, end: event.ts + (event.dur ?? 0), child: 0, childCpu: 0, url });
  }
  while (stack.length > 0) close(stack.pop() as Open);
  return { kinds, scriptByChunk };
}

/**
 * Counts and times CSSStyleSheet.insertRule (Griffel inserts each rule with it) from the first script on. A
 * string, not a function: tsx's name helpers would not exist in the page.
 */
const INSERT_RULE_PROBE = `(() => {
  const probe = { rules: 0, ms: 0 };
  window.__insertRuleProbe = probe;
  const original = CSSStyleSheet.prototype.insertRule;
  CSSStyleSheet.prototype.insertRule = function (...args) {
    const started = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      probe.ms += performance.now() - started;
      probe.rules += 1;
    }
  };
  // Cache keys of @formatjs/fast-memoize (react-intl's message and Intl formatter caches): JSON.stringify of an
  // \`arguments\` object. Counted with the characters they serialise; a count, so load does not disturb it.
  const memo = { keys: 0, chars: 0 };
  window.__memoKeyProbe = memo;
  const stringify = JSON.stringify;
  JSON.stringify = function (value, ...rest) {
    const text = stringify.call(this, value, ...rest);
    if (Object.prototype.toString.call(value) === '[object Arguments]') {
      memo.keys += 1;
      memo.chars += text.length;
    }
    return text;
  };
})();`;

async function openUntilHeading(page: Page, url: string, heading: string | RegExp) {
  await page.goto(url, { waitUntil: 'commit' });
  await page.getByRole('heading', { level: 1, name: heading }).waitFor({ state: 'visible', timeout: 20_000 });
  await page.waitForLoadState('networkidle');
}

async function traced(browser: Browser, context: BrowserContext, url: string, heading: string | RegExp) {
  const page = await context.newPage();
  await browser.startTracing(page, { categories: CATEGORIES.split(',') });
  await openUntilHeading(page, url, heading);
  const buffer = await browser.stopTracing();
  const { probe, memo } = await page.evaluate(() => {
    const probes = window as unknown as {
      __insertRuleProbe: { rules: number; ms: number };
      __memoKeyProbe: { keys: number; chars: number };
    };
    return { probe: probes.__insertRuleProbe, memo: probes.__memoKeyProbe };
  });
  await page.close();
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] };
  return {
    ...breakdown(parsed.traceEvents),
    rules: probe.rules,
    insertRuleMs: probe.ms,
    memoKeys: memo.keys,
    memoChars: memo.chars,
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

const consumers = new Map<string, Promise<SourceMapConsumer | undefined>>();

/** The build's source map of a served chunk (dist/tab or the blank tab's directory). */
function sourceMapOf(url: string): Promise<SourceMapConsumer | undefined> {
  let found = consumers.get(url);
  if (!found) {
    const path = new URL(url).pathname;
    const file = path.startsWith(BLANK_TAB_PATH)
      ? join(BLANK_TAB_DIR, path.slice(BLANK_TAB_PATH.length))
      : join(projectRoot(), 'dist', 'tab', path);
    found = readFile(`${file}.map`, 'utf8')
      .then((text) => new SourceMapConsumer(JSON.parse(text)))
      .catch(() => undefined);
    consumers.set(url, found);
  }
  return found;
}

/** A source file's package: node_modules/@scope/name or node_modules/name, else its directory under src/tab. */
function packageOf(source: string): string {
  const inModules = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (inModules?.[1]) return inModules[1];
  const inTab = source.match(/src\/tab\/([^/]+)/);
  if (inTab?.[1]) return `src/tab/${inTab[1].replace(/\.tsx?$/, '')}`;
  return source;
}

async function profiled(context: BrowserContext, url: string, heading: string | RegExp) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await openUntilHeading(page, url, heading);
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  await page.close();
  const selfById = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index + 1] ?? 0;
    selfById.set(id, (selfById.get(id) ?? 0) + delta / 1000);
  });
  const byPackage: Record<string, number> = {};
  const parentOf = new Map<number, ProfileNode>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node);
  for (const node of profile.nodes) {
    const self = selfById.get(node.id) ?? 0;
    if (self === 0) continue;
    const frame = node.callFrame;
    if (frame.functionName === '(program)' || frame.functionName === '(idle)') continue;
    // Frames without a URL: V8's garbage collector, built-ins, and Playwright's own probes (heading waits).
    let label = frame.url
      ? chunkOf(frame.url)
      : frame.functionName === '(garbage collector)'
        ? '(gc)'
        : '(no url)';
    if (frame.url.startsWith('http')) {
      const map = await sourceMapOf(frame.url);
      const original = map?.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber });
      if (original?.source) {
        label = packageOf(original.source);
        // DETAIL=@griffel/core: that package's self time per source file instead of one line.
        if (detail && label === detail) {
          label = original.source.replace(/^.*node_modules\//, '');
          // DETAIL_LINES=1: per source line (a package bundled into one file, such as @formatjs/intl).
          if (detailLines) label = `${label}:${original.line}`;
        }
      }
    }
    // DETAIL='(no url)': per built-in or native function, with the script frame that called it.
    if (detail === '(no url)' && label === '(no url)') {
      label = `${frame.functionName || '(anonymous)'} <- ${await callerOf(node, parentOf)}`;
    }
    byPackage[label] = (byPackage[label] ?? 0) + self;
  }
  return byPackage;
}

/** The package of the nearest calling frame that has a URL ('(none)' for a root such as Playwright's probes). */
async function callerOf(node: ProfileNode, parentOf: Map<number, ProfileNode>): Promise<string> {
  for (let parent = parentOf.get(node.id); parent; parent = parentOf.get(parent.id)) {
    const { url, lineNumber, columnNumber, functionName } = parent.callFrame;
    if (!url) continue;
    if (!url.startsWith('http')) return chunkOf(url);
    const map = await sourceMapOf(url);
    const original = map?.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
    return original?.source ? `${packageOf(original.source)} ${functionName}` : chunkOf(url);
  }
  return '(none)';
}

function medians(samples: Record<string, number>[]): Record<string, number> {
  const keys = new Set(samples.flatMap((sample) => Object.keys(sample)));
  return Object.fromEntries([...keys].map((key) => [key, median(samples.map((sample) => sample[key] ?? 0))]));
}

const show = (record: Record<string, number>, limit = 14) =>
  Object.entries(record)
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .filter(([, ms]) => ms >= 0.5)
    .map(([key, ms]) => `    ${key.padEnd(44)} ${ms.toFixed(1).padStart(7)} ms`)
    .join('\n');

const session = await openFirstPageSession(wanted);
const { cookie, pages } = session;
try {
  for (const target of pages) {
    const url = `${session.baseUrl}${target.path}`;
    const contextFor = async () => {
      const context = await freshContext(session.browser, session.baseUrl, cookie);
      await context.addInitScript({ content: INSERT_RULE_PROBE });
      if (cache === 'warm') await openUntilHeading(await context.newPage(), url, target.heading);
      return context;
    };
    const traces: Breakdown[] = [];
    const profiles: Record<string, number>[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const context = await contextFor();
      traces.push(await traced(session.browser, context, url, target.heading));
      await context.close();
      const again = await contextFor();
      profiles.push(await profiled(again, url, target.heading));
      await again.close();
    }
    const kinds = medians(traces.map((trace) => trace.kinds));
    const total = Object.values(kinds).reduce((sum, ms) => sum + ms, 0);
    console.log(
      `\n${target.name} (${cache} cache, median of ${rounds}): main thread ${total.toFixed(0)} ms; ` +
        `insertRule ${median(traces.map((t) => t.rules))} rules, ${median(traces.map((t) => t.insertRuleMs)).toFixed(1)} ms; ` +
        `memo keys (JSON.stringify of arguments) ${median(traces.map((t) => t.memoKeys))}, ` +
        `${median(traces.map((t) => t.memoChars))} chars`,
    );
    console.log('  by kind (trace self time):');
    console.log(show(kinds));
    console.log('  script + compile by chunk (trace self time):');
    console.log(show(medians(traces.map((trace) => trace.scriptByChunk))));
    console.log('  script self time by source package (sampling profile, 100 µs):');
    console.log(show(medians(profiles), 30));
  }
} finally {
  await session.close();
}
