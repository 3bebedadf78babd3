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

/** The signed-in blank tab (bench/blank-tab-signed-in): the blank tab showing its heading with one signed-in read. */
export const SIGNED_IN_BLANK_TAB_PATH = '/__bench/blank-tab-signed-in';

/** The heading bench/blank-tab-signed-in/main.tsx renders once `/me` answered; the bench waits for it. */
export const SIGNED_IN_BLANK_TAB_HEADING = 'Leeg tabblad, aangemeld';

/** Where the signed-in blank tab is built (git-ignored, like {@link BLANK_TAB_DIR}). */
export const SIGNED_IN_BLANK_TAB_DIR = join(projectRoot(), 'bench', 'blank-tab-signed-in-dist');

/** The bench server's mount of the signed-in blank tab. */
export const SIGNED_IN_BLANK_TAB_PAGE: ExtraPage = {
  path: SIGNED_IN_BLANK_TAB_PATH,
  dir: SIGNED_IN_BLANK_TAB_DIR,
};

const builds = new Map<string, Promise<InitialJs>>();

/**
 * Builds bench/`source` with the project's own vite.config.ts (same plugins, chunk groups, minifier and target),
 * only with another root, base and output directory; once per run. Returns its initial JS.
 */
function buildBenchPage(source: string, page: ExtraPage): Promise<InitialJs> {
  let built = builds.get(source);
  if (!built) {
    built = (async () => {
      await rm(page.dir, { recursive: true, force: true });
      await build({
        configFile: join(projectRoot(), 'vite.config.ts'),
        root: join(projectRoot(), 'bench', source),
        base: `${page.path}/`,
        logLevel: 'warn',
        build: { outDir: page.dir, emptyOutDir: true, sourcemap: false },
      });
      return measureInitialJs(page.dir, `${page.path}/`);
    })();
    builds.set(source, built);
  }
  return built;
}

/** Builds the blank tab (bench/blank-tab) once per run; returns its initial JS. */
export function buildBlankTab(): Promise<InitialJs> {
  return buildBenchPage('blank-tab', BLANK_TAB_PAGE);
}

/** Builds the signed-in blank tab (bench/blank-tab-signed-in) once per run; returns its initial JS. */
export function buildSignedInBlankTab(): Promise<InitialJs> {
  return buildBenchPage('blank-tab-signed-in', SIGNED_IN_BLANK_TAB_PAGE);
}
