// What the server's tab page (src/server/tab-page.ts) and the tab's start-up (src/tab/session/start-up.ts) agree
// on. It lives in src/platform because both may import it: the tab is a separate build that cannot import
// src/server, and the server build leaves src/tab out.

/** The id of the JSON script element in which the server embeds the sign-in configuration for the tab. */
export const AUTH_CONFIG_ELEMENT_ID = 'bg-auth-config';
