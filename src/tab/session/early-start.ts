import { warmUpIcu } from './icu-warm-up.js';
import { requestAuthConfigEarly } from './start-up.js';

// Imported first by main.tsx and built into a chunk of its own (`start-up` in vite.config.ts), so this runs before
// React, Fluent, the message catalogue and the shell evaluate: the sign-in answer and the first page's data are
// asked for at once instead of after the rest of the initial JS has run (issue 21: with a warm cache that
// evaluation was most of the wait before the first data request left). The server also loads that chunk as an
// async module script of its own (src/server/tab-page.ts), so it need not wait for the rest of the initial JS to
// download either; whichever loads it first runs this, once.
// (The Teams tab configuration page at /config signs nobody in.)
if (window.location.pathname !== '/config') requestAuthConfigEarly(window.location.pathname);
// Then ICU's start-up, on another thread while this one evaluates the rest (icu-warm-up.ts).
warmUpIcu();
