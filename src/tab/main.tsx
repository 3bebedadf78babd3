// First: asks for sign-in and the first page's data before the rest of the initial JS evaluates (see early-start.ts).
import './session/early-start.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { pageCodeOf } from './session/signed-in-page.js';
import { earlyStartArrival } from './session/start-up.js';

/**
 * How long the first render waits for the sign-in answer, the page's code and (local mode) the page's data asked
 * at start-up, when the scripts came from the cache: they are then there within it and the page renders at once,
 * with its data, in one render instead of a spinner frame and then the page (issue 21: a warm tab); a slow server
 * only delays the spinner by this much.
 */
const FIRST_RENDER_WAIT_MS = 100;

/**
 * Whether this very script came from the browser's cache (no bytes over the network): then the page's code
 * will too. With an empty cache the page's code is still downloading, and the spinner renders meanwhile.
 */
function scriptsFromCache(): boolean {
  const entry = performance.getEntriesByName(import.meta.url)[0] as PerformanceResourceTiming | undefined;
  return entry?.transferSize === 0;
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
// Sign-in (and in local mode the session, and then at once the first page's data) was asked for before React
// evaluated (early-start.ts), and the page's own code downloads meanwhile, not after it.
const pageCode = pageCodeOf(window.location.pathname);
const wait = scriptsFromCache() ? FIRST_RENDER_WAIT_MS : 0;
const waited = new Promise<void>((resolve) => setTimeout(resolve, wait));
void Promise.race([Promise.all([earlyStartArrival(wait), pageCode]), waited]).then(() =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
