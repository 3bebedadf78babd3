import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One script the page loads before it can render, with its size on disk and gzipped. */
export interface ScriptSize {
  path: string;
  rawBytes: number;
  gzipBytes: number;
}

/** The scripts a page must fetch to start, and their totals. */
export interface InitialJs {
  files: ScriptSize[];
  rawBytes: number;
  gzipBytes: number;
}

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
    found.set((match[1] as string).toLowerCase(), match[2] ?? match[3] ?? match[4] ?? '');
  }
  return found;
}

/**
 * The same-origin scripts an HTML page loads up front: every `<script src>` and every
 * `<link rel="modulepreload" href>`, in document order, without duplicates or external URLs.
 */
export function initialScriptPaths(html: string): string[] {
  const paths: string[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const attrs = attributes(tag);
    const isScript = /^<script/i.test(tag);
    const isPreload =
      !isScript && (attrs.get('rel') ?? '').toLowerCase().split(/\s+/).includes('modulepreload');
    const path = isScript ? attrs.get('src') : isPreload ? attrs.get('href') : undefined;
    if (path && !/^[a-z][a-z\d+.-]*:|^\/\//i.test(path) && !paths.includes(path)) paths.push(path);
  }
  return paths;
}

/**
 * Reads the built page in `distDir` and sums the raw and gzip (default level) sizes of its initial scripts.
 * `base` is the path the page was built to be served from (Vite's `base`), stripped to find the files.
 */
export async function measureInitialJs(distDir: string, base = '/'): Promise<InitialJs> {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const files: ScriptSize[] = [];
  for (const path of initialScriptPaths(html)) {
    const file = (path.split(/[?#]/)[0] as string).replace(base, '/');
    const content = await readFile(join(distDir, file));
    files.push({ path, rawBytes: content.byteLength, gzipBytes: gzipSync(content).byteLength });
  }
  return {
    files,
    rawBytes: files.reduce((sum, file) => sum + file.rawBytes, 0),
    gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0),
  };
}
