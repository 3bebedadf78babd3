// Where a first page's time goes, per page and cache state: the renderer's main-thread time (CDP Performance
// metrics: tasks, script, style recalculation, layout), the bytes it fetched, the style rules Griffel inserted,
// and the scripts requested before the heading (the request waterfall itself: tab-waterfall.ts). Less noisy than the
// wall clock of the tab-load suite on a busy machine: CPU time and bytes hardly move with the load.
//   node --import tsx bench/tools/tab-profile.ts            (ROUNDS=3 by default)
import type { BrowserContext, CDPSession } from 'playwright-core';
import { openFirstPageSession } from '../lib/first-page-session.js';
import { freshContext } from '../lib/page-timing.js';
import { median } from '../lib/stats.js';

const rounds = Number(process.env.ROUNDS ?? 3);

interface Profile {
  taskMs: number;
  scriptMs: number;
  styleMs: number;
  layoutMs: number;
  bytes: number;
  rules: number;
  /** When the heading was seen visible, ms after the navigation started (Playwright polls: an upper bound). */
  h1Ms: number;
  /** Scripts requested before then, and when the first API request left. */
  scriptsBeforeH1: number;
  firstApiMs: number;
}

const METRICS = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration'] as const;

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return Object.fromEntries(list.map((metric) => [metric.name, metric.value]));
}

async function profile(context: BrowserContext, url: string, heading: string | RegExp): Promise<Profile> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const before = await metrics(cdp);
  await page.goto(url, { waitUntil: 'commit' });
  await page.getByRole('heading', { level: 1, name: heading }).waitFor({ state: 'visible', timeout: 20_000 });
  const h1Ms = await page.evaluate(() => performance.now());
  // Whatever the page asks right after its heading (the rest of its first data) is part of its first view.
  await page.waitForLoadState('networkidle');
  const after = await metrics(cdp);
  const delta = (name: (typeof METRICS)[number]) => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
  const facts = await page.evaluate((h1) => {
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    let rules = 0;
    for (const sheet of Array.from(document.styleSheets)) {
      try {
        rules += sheet.cssRules.length;
      } catch {
        // cross-origin sheet
      }
    }
    const api = entries.filter((entry) => new URL(entry.name).pathname.startsWith('/api/'));
    return {
      scriptsBeforeH1: entries.filter((entry) => entry.name.endsWith('.js') && entry.startTime < h1).length,
      firstApiMs: api.length > 0 ? Math.min(...api.map((entry) => entry.startTime)) : Number.NaN,
      bytes: nav.transferSize + entries.reduce((sum, entry) => sum + entry.transferSize, 0),
      rules,
    };
  }, h1Ms);
  await page.close();
  return {
    taskMs: delta('TaskDuration'),
    scriptMs: delta('ScriptDuration'),
    styleMs: delta('RecalcStyleDuration'),
    layoutMs: delta('LayoutDuration'),
    ...facts,
    h1Ms,
  };
}

const session = await openFirstPageSession(['blank', 'overview', 'network', 'meetings', 'call-out']);
const { cookie, pages } = session;
try {
  console.log('page       cache  task ms  script  style  layout  KiB  rules  scripts<h1  1st API ms  h1 ms');
  for (const target of pages) {
    const url = `${session.baseUrl}${target.path}`;
    for (const cache of ['empty', 'warm'] as const) {
      const samples: Profile[] = [];
      const warm = await freshContext(session.browser, session.baseUrl, cookie);
      if (cache === 'warm') await profile(warm, url, target.heading);
      for (let round = 0; round < rounds; round += 1) {
        const context =
          cache === 'warm' ? warm : await freshContext(session.browser, session.baseUrl, cookie);
        samples.push(await profile(context, url, target.heading));
        if (cache === 'empty') await context.close();
      }
      await warm.close();
      const of = (
        key:
          | 'taskMs'
          | 'scriptMs'
          | 'styleMs'
          | 'layoutMs'
          | 'bytes'
          | 'rules'
          | 'scriptsBeforeH1'
          | 'firstApiMs'
          | 'h1Ms',
      ) => median(samples.map((sample) => sample[key]));
      console.log(
        `${target.name.padEnd(10)} ${cache.padEnd(6)} ${of('taskMs').toFixed(0).padStart(7)} ${of('scriptMs').toFixed(0).padStart(7)} ${of('styleMs').toFixed(0).padStart(6)} ${of('layoutMs').toFixed(0).padStart(7)} ${(of('bytes') / 1024).toFixed(0).padStart(4)} ${String(of('rules')).padStart(6)} ${String(of('scriptsBeforeH1')).padStart(11)} ${of('firstApiMs').toFixed(0).padStart(11)} ${of('h1Ms').toFixed(0).padStart(6)}`,
      );
    }
  }
} finally {
  await session.close();
}
