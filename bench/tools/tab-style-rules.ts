// Which components' styles a first page inserts: every CSSStyleSheet.insertRule call (Griffel inserts all rules
// of a makeStyles/makeResetStyles hook the first time the hook runs, whatever variant is used) is collected in
// the page, and each rule's first class name is looked up in Fluent's precompiled `*.styles.js` files; a class
// found in one file names that component, one found in several counts as shared, and one in none is the tab's
// own makeStyles (or a keyframe / at-rule). Warm cache, one view per page. Rule counts do not move with load.
//   node --import tsx bench/tools/tab-style-rules.ts          (PAGES=overview,network,meetings,call-out; TOP=20)
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { projectRoot } from '../../src/platform/project-root.js';
import { openFirstPageSession } from '../lib/first-page-session.js';
import { freshContext } from '../lib/page-timing.js';

const wanted = (process.env.PAGES ?? 'blank,overview,network,meetings,call-out').split(',');
const top = Number(process.env.TOP ?? 20);

/** Collects each inserted rule's text (a string: tsx's helpers would not exist in the page). */
const RULE_PROBE = `(() => {
  const rules = [];
  window.__insertedRules = rules;
  const original = CSSStyleSheet.prototype.insertRule;
  CSSStyleSheet.prototype.insertRule = function (...args) {
    rules.push(String(args[0]));
    return original.apply(this, args);
  };
})();`;

/** Griffel's atomic (f…) and reset (r…) class names. */
const CLASS = /\.([fr][a-z0-9]{5,8})(?=[{:[>.\s,)])/g;

/** Class name → the Fluent style files (package:component/file) that hold it. */
async function fluentClassIndex(): Promise<Map<string, Set<string>>> {
  const index = new Map<string, Set<string>>();
  const fluent = join(projectRoot(), 'node_modules', '@fluentui');
  for (const pkg of await readdir(fluent)) {
    const lib = join(fluent, pkg, 'lib');
    const files = await readdir(lib, { recursive: true }).catch(() => [] as string[]);
    for (const file of files.filter((name) => name.endsWith('.styles.js'))) {
      const text = await readFile(join(lib, file), 'utf8');
      const owner = `${pkg}:${relative('components', file)
        .replace(/^\.\.\//, '')
        .replace(/\.styles\.js$/, '')}`;
      for (const match of text.matchAll(CLASS)) {
        const name = match[1] as string;
        const owners = index.get(name) ?? new Set<string>();
        owners.add(owner);
        index.set(name, owners);
      }
    }
  }
  return index;
}

function ownerOf(rule: string, index: Map<string, Set<string>>): string {
  const name = rule.match(/\.([fr][a-z0-9]{5,8})/)?.[1];
  const owners = name ? index.get(name) : undefined;
  if (!owners) return "(not in Fluent's files: the tab's own makeStyles, keyframes, at-rules)";
  if (owners.size === 1) return [...owners][0] as string;
  return `(shared by ${owners.size} style files)`;
}

const session = await openFirstPageSession(wanted);
const { cookie, pages } = session;
const index = await fluentClassIndex();
try {
  for (const target of pages) {
    const context = await freshContext(session.browser, session.baseUrl, cookie);
    await context.addInitScript({ content: RULE_PROBE });
    const page = await context.newPage();
    await page.goto(`${session.baseUrl}${target.path}`, { waitUntil: 'commit' });
    await page
      .getByRole('heading', { level: 1, name: target.heading })
      .waitFor({ state: 'visible', timeout: 20_000 });
    await page.waitForLoadState('networkidle');
    const rules = await page.evaluate(
      () => (window as unknown as { __insertedRules: string[] }).__insertedRules,
    );
    await context.close();
    const counts = new Map<string, number>();
    for (const rule of rules) {
      const owner = ownerOf(rule, index);
      counts.set(owner, (counts.get(owner) ?? 0) + 1);
    }
    console.log(`\n${target.name}: ${rules.length} rules inserted`);
    for (const [owner, count] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`  ${String(count).padStart(5)}  ${owner}`);
    }
  }
} finally {
  await session.close();
}
