import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'vite';
import { projectRoot } from '../../src/platform/project-root.js';
import type { ExtraPage } from '../../src/server/app.js';
import { type InitialJs, measureInitialJs } from './initial-js.js';

/** Where the blank tab is served by the bench server: beside the tab, never in the production bundle. */
export const BLANK_TAB_PATH = '/__bench/blank-tab';

/** The heading bench/blank-tab/main.tsx renders; the bench waits for it. */
export const BLANK_TAB_HEADING = 'Leeg tabblad';

/** The directory the blank tab is built into (git-ignored; not under dist/, so never shipped; not a dot directory, which Express refuses to serve). */
export const BLANK_TAB_DIR = join(projectRoot(), 'bench', 'blank-tab-dist');

/** The bench server's mount of the blank tab (the directory may be built after the server starts). */
export const BLANK_TAB_PAGE: ExtraPage = { path: BLANK_TAB_PATH, dir: BLANK_TAB_DIR };

let built: Promise<InitialJs> | undefined;

/**
 * Builds bench/blank-tab with the project's own vite.config.ts (same plugins, chunk groups, minifier and
 * target), only with another root, base and output directory; once per run. Returns its initial JS.
 */
export function buildBlankTab(): Promise<InitialJs> {
  built ??= (async () => {
    await rm(BLANK_TAB_DIR, { recursive: true, force: true });
    await build({
      configFile: join(projectRoot(), 'vite.config.ts'),
      root: join(projectRoot(), 'bench', 'blank-tab'),
      base: `${BLANK_TAB_PATH}/`,
      logLevel: 'warn',
      build: { outDir: BLANK_TAB_DIR, emptyOutDir: true, sourcemap: false },
    });
    return measureInitialJs(BLANK_TAB_DIR, `${BLANK_TAB_PATH}/`);
  })();
  return built;
}
