// React commits before a first page's h1 shows, and which components rendered in each, through the React DevTools
// global hook (react-dom calls onCommitFiberRoot in production builds too). Names are only readable in an
// unminified build (`npx vite build --minify false`); the counts are the same either way. A component counts as
// rendered in a commit when it mounted or did work (React's PerformedWork flag); subtrees React bailed out of are
// skipped, as React DevTools does.
//   node --import tsx bench/tools/tab-commits.ts   (PAGES=overview,network,meetings,call-out)
import type { Page } from 'playwright-core';
import { openFirstPageSession } from '../lib/first-page-session.js';
import { freshContext } from '../lib/page-timing.js';

const wanted = (process.env.PAGES ?? 'overview,network,meetings,call-out').split(',');

/** A DevTools-like hook: per commit, the time, whether an h1 is in the DOM, and the components that rendered. */
const HOOK = `(() => {
  const commits = [];
  window.__commits = commits;
  const nameOf = (f) => { const t = f.type; if (!t) return null; if (typeof t === 'string') return null;
    const inner = t.render || t.type || t; return t.displayName || inner.displayName || inner.name || '(anon)'; };
  const COMPONENT = new Set([0, 1, 11, 14, 15]);
  const walk = (fiber, out) => {
    let f = fiber;
    while (f) {
      const prev = f.alternate;
      if (COMPONENT.has(f.tag) && (!prev || (f.flags & 1))) {
        const n = nameOf(f); if (n) out[n] = (out[n] || 0) + 1;
      }
      if (!(prev && prev.child === f.child)) { if (f.child) walk(f.child, out); }
      f = f.sibling;
    }
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true, renderers: new Map(), isDisabled: false, checkDCE() {},
    inject() { return 1; }, onScheduleFiberRoot() {}, onCommitFiberUnmount() {}, onPostCommitFiberRoot() {},
    onCommitFiberRoot(id, root) {
      const out = {}; const cur = root.current;
      if (cur.child) walk(cur.child, out);
      commits.push({ t: Math.round(performance.now()), h1: !!document.querySelector('h1'), rendered: out });
    },
  };
})();`;

async function open(page: Page, url: string, heading: string | RegExp) {
  await page.goto(url, { waitUntil: 'commit' });
  await page.getByRole('heading', { level: 1, name: heading }).waitFor({ state: 'visible', timeout: 20_000 });
  await page.waitForLoadState('networkidle');
}

const session = await openFirstPageSession(wanted);
const { cookie, pages } = session;
try {
  for (const target of pages) {
    for (const cache of ['empty', 'warm'] as const) {
      const context = await freshContext(session.browser, session.baseUrl, cookie);
      await context.addInitScript({ content: HOOK });
      const url = `${session.baseUrl}${target.path}`;
      if (cache === 'warm') await open(await context.newPage(), url, target.heading);
      const page = await context.newPage();
      await open(page, url, target.heading);
      const commits = (await page.evaluate(
        () => (window as unknown as { __commits: unknown[] }).__commits,
      )) as {
        t: number;
        h1: boolean;
        rendered: Record<string, number>;
      }[];
      await context.close();
      const firstH1 = commits.findIndex((c) => c.h1);
      console.log(
        `\n${target.name} (${cache}): ${commits.length} commits until network idle; h1 in commit ${firstH1 + 1}`,
      );
      commits.forEach((c, i) => {
        const total = Object.values(c.rendered).reduce((s, n) => s + n, 0);
        const top = Object.entries(c.rendered)
          .sort((a, b) => b[1] - a[1])
          .slice(0, Number(process.env.TOP ?? 12));
        console.log(
          `  #${i + 1} t=${c.t} h1=${c.h1} components=${total}: ${top.map(([n, k]) => `${n}×${k}`).join(' ')}`,
        );
      });
    }
  }
} finally {
  await session.close();
}
