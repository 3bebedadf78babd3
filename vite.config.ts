import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));

// The tab is a single-page app served by the API server from dist/tab (see src/server/app.ts).
export default defineConfig({
  root: fileURLToPath(new URL('./src/tab', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: `${projectRoot}dist/tab`,
    emptyOutDir: true,
    sourcemap: true,
    // dist/tab/.vite/manifest.json: the server preloads the first page's chunks from it (src/server/tab-page.ts).
    manifest: true,
    // The server's CSP allows scripts from 'self' only; Vite's module preload needs no inline script.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Libraries change less often than the tab's own code: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            // Sign-in and the first page's data requests, started by session/early-start.ts (imported first by
            // main.tsx): a chunk of its own evaluates before React, Fluent and the shell, whereas inside the entry
            // chunk it would run only after every chunk the entry imports (issue 21).
            {
              name: 'start-up',
              test: /src[\\/]tab[\\/](session[\\/](early-start|start-up|first-page-data)|api[\\/](client|api-error|endpoints)|teams[\\/]teams-bridge)\.ts$/,
              priority: 10,
            },
            { name: 'teams-js', test: /node_modules[\\/]@microsoft[\\/]teams-js/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'intl', test: /node_modules[\\/](react-intl|intl-messageformat|@formatjs)[\\/]/ },
            // No catch-all node_modules group: it pulled every Fluent component and icon of every lazy page
            // into the initial JS (159 KiB gzip, issue 21). Fluent now travels with the code that uses it, the
            // shell's share in the initial chunks, each page's share with that page (186 KiB gzip in all).
          ],
        },
      },
    },
  },
  server: {
    // `npx vite` for tab development: the API comes from `npm run serve` on its default port.
    proxy: { '/api': 'http://127.0.0.1:3978' },
  },
});
