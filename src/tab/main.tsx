// First: asks for sign-in and the first page's data before the rest of the initial JS evaluates (see early-start.ts).
import './session/early-start.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { pageCodeOf } from './session/signed-in-page.js';
import { earlyStartArrival } from './session/start-up.js';

/**
 * How long the first render waits for the sign-in answer, the page's code and (local mode) the page's data asked
 * at start-up. When they are there within it, the page renders at once, with its data, in one render instead of
 * a spinner frame and then the page (issue 21). That holds for an empty cache too: the page's code is preloaded
 * beside the initial JS and the data was asked before it evaluated, so on a quick connection both are there by
 * the time React could render; rendering the spinner first cost a whole extra render and layout (overview: one
 * main-thread task of 50-60 ms) before the page's own. A slow server or connection only delays the spinner by
 * this much.
 */
const FIRST_RENDER_WAIT_MS = 100;

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
// Sign-in (and in local mode the session, and then at once the first page's data) was asked for before React
// evaluated (early-start.ts), and the page's own code downloads meanwhile, not after it.
const pageCode = pageCodeOf(window.location.pathname);
const waited = new Promise<void>((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS));
void Promise.race([Promise.all([earlyStartArrival(FIRST_RENDER_WAIT_MS), pageCode]), waited]).then(() =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
