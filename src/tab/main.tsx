import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { preloadPageOf } from './session/signed-in-page.js';
import { requestAuthConfigEarly } from './session/start-up.js';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
// Sign-in (and in local mode the session) is asked for before React renders, and the page's own code
// downloads meanwhile, not after it.
// (The Teams tab configuration page at /config signs nobody in.)
if (window.location.pathname !== '/config') requestAuthConfigEarly();
preloadPageOf(window.location.pathname);
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
