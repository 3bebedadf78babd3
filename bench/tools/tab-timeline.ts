// The renderer's main-thread tasks before a first page's h1, in order: each top-level task of 3 ms or more with its
// start (ms after the document request) and length, and the largest events inside it (script evaluation, a
// React render's function call, layout). Shows what the page waits for between tasks and how many renders and
// layouts come before its heading, which tab-trace's totals per kind do not. One view per page; the tracing itself
// slows the page, so compare its counts and shapes between builds, not its times with tab-load's.
//   node --import tsx bench/tools/tab-timeline.ts   (PAGES=blank,overview,network,meetings,call-out; CACHE=empty|warm)
import type { BrowserContext } from 'playwright-core';
import { openFirstPageSession } from '../lib/first-page-session.js';
import type { FirstPageTarget } from '../lib/first-pages.js';
import { freshContext } from '../lib/page-timing.js';

const wanted = (process.env.PAGES ?? 'blank,overview,network,meetings,call-out').split(',');
const cache = process.env.CACHE === 'warm' ? 'warm' : 'empty';
/** Tasks shorter than this are left out of the list (they are counted in the total). */
const SHOWN_MS = 3;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string; data?: { url?: string } };
}

const ms = (us: number) => us / 1000;

/** The main thread's top-level tasks from the document request on. */
function mainThreadTasks(events: TraceEvent[], path: string): { tasks: TraceEvent[]; start: number } {
  const main = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = (e: TraceEvent) => main.some((thread) => thread.pid === e.pid && thread.tid === e.tid);
  const request = events.find(
    (e) => e.name === 'ResourceSendRequest' && new URL(e.args?.data?.url ?? 'about:blank').pathname === path,
  );
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && onMain(e));
  const start = request?.ts ?? tasks[0]?.ts ?? 0;
  return { tasks: tasks.filter((task) => task.ts >= start), start };
}

/** The three longest events inside a task, as "name(file) ms". */
function inside(events: TraceEvent[], task: TraceEvent): string {
  const end = task.ts + (task.dur ?? 0);
  return events
    .filter(
      (e) =>
        e.ph === 'X' &&
        e.pid === task.pid &&
        e.tid === task.tid &&
        e !== task &&
        e.name !== 'RunTask' &&
        e.ts >= task.ts &&
        e.ts < end &&
        ms(e.dur ?? 0) >= 1,
    )
    .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
    .slice(0, 3)
    .map((e) => {
      const file = e.args?.data?.url?.split('/').pop();
      return `${e.name}${file ? `(${file.replace(/-[\w-]{8}\.js$/, '.js')})` : ''} ${ms(e.dur ?? 0).toFixed(0)}`;
    })
    .join(', ');
}

async function timeline(context: BrowserContext, target: FirstPageTarget): Promise<void> {
  const page = await context.newPage();
  const heading = page.getByRole('heading', { level: 1, name: target.heading });
  if (cache === 'warm') {
    await page.goto(`${session.baseUrl}${target.path}`);
    await heading.waitFor({ state: 'visible' });
    await page.goto('about:blank');
  }
  // When the h1 enters the DOM, on the page's own clock (ms after its navigation started).
  await page.addInitScript(() => {
    const record = window as unknown as { headingAt?: number };
    new MutationObserver(() => {
      if (record.headingAt === undefined && document.querySelector('h1'))
        record.headingAt = performance.now();
    }).observe(document, { subtree: true, childList: true });
  });
  await session.browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
  });
  await page.goto(`${session.baseUrl}${target.path}`, { waitUntil: 'commit' });
  await heading.waitFor({ state: 'visible' });
  await page.waitForTimeout(300);
  const headingAt = await page.evaluate(() => (window as unknown as { headingAt?: number }).headingAt ?? -1);
  const { traceEvents } = JSON.parse((await session.browser.stopTracing()).toString()) as {
    traceEvents: TraceEvent[];
  };
  const { tasks, start } = mainThreadTasks(traceEvents, new URL(target.path, session.baseUrl).pathname);
  console.log(`${target.name} (${cache} cache): h1 in the DOM at ${headingAt.toFixed(0)} ms (page clock)`);
  console.log('  start ms  length ms  largest events inside (ms)');
  let total = 0;
  for (const task of tasks) {
    total += ms(task.dur ?? 0);
    if (ms(task.dur ?? 0) < SHOWN_MS) continue;
    const at = ms(task.ts - start)
      .toFixed(0)
      .padStart(8);
    console.log(
      `  ${at}  ${ms(task.dur ?? 0)
        .toFixed(1)
        .padStart(9)}  ${inside(traceEvents, task)}`,
    );
  }
  console.log(`  all tasks until 300 ms after the h1 showed: ${total.toFixed(0)} ms`);
}

const session = await openFirstPageSession(wanted);
try {
  for (const target of session.pages) {
    const context = await freshContext(session.browser, session.baseUrl, session.cookie);
    try {
      await timeline(context, target);
    } finally {
      await context.close();
    }
  }
} finally {
  await session.close();
}
