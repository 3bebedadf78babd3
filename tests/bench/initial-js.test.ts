import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import { initialScriptPaths, measureInitialJs } from '../../bench/lib/initial-js.js';

const PAGE = `<!doctype html><html><head>
  <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
  <script type="module" crossorigin src="/assets/index-abc.js"></script>
  <link rel="modulepreload" crossorigin href="/assets/react-def.js">
  <link crossorigin href='/assets/fluent-ghi.js' rel=modulepreload>
  <link rel="stylesheet" href="/assets/index.css">
  <link rel="modulepreload" href="/assets/react-def.js">
  <script src="https://cdn.example.org/external.js"></script>
  <script>window.inline = true;</script>
</head><body><div id="root"></div></body></html>`;

describe('the initial scripts of the built tab', () => {
  it('lists script sources and module preloads, same-origin, once each, in document order', () => {
    expect(initialScriptPaths(PAGE)).toEqual([
      '/assets/index-abc.js',
      '/assets/react-def.js',
      '/assets/fluent-ghi.js',
    ]);
  });

  it('sums raw and gzip sizes of those files', async () => {
    const dist = await mkdtemp(join(tmpdir(), 'bench-initial-js-'));
    try {
      await mkdir(join(dist, 'assets'));
      const files = {
        'index-abc.js': 'console.log("a");'.repeat(50),
        'react-def.js': 'export const b = 2;',
        'fluent-ghi.js': 'export const c = 3;'.repeat(10),
      };
      for (const [name, content] of Object.entries(files))
        await writeFile(join(dist, 'assets', name), content);
      await writeFile(join(dist, 'index.html'), PAGE);
      const measured = await measureInitialJs(dist);
      const contents = Object.values(files);
      expect(measured.files.map((file) => file.path)).toHaveLength(3);
      expect(measured.rawBytes).toBe(contents.reduce((sum, text) => sum + Buffer.byteLength(text), 0));
      expect(measured.gzipBytes).toBe(contents.reduce((sum, text) => sum + gzipSync(text).byteLength, 0));
    } finally {
      await rm(dist, { recursive: true, force: true });
    }
  });
});
