import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { preloadPageOf } from './session/signed-in-page.js';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
// The page's own code downloads while the session and /me load, not after them.
preloadPageOf(window.location.pathname);
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
