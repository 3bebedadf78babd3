import type { Page } from 'playwright-core';

/**
 * A stand-in for the Teams client around a meeting side panel: a host page that frames the tab and answers
 * teams-js over window.postMessage in its wire format — `{ id, uuidAsString, func, args }` requests from the
 * frame, `{ id, uuidAsString, args }` replies — for `initialize` (frame context, client type, runtime config,
 * SDK version), `getContext` (the v1 context teams-js turns into `app.Context`) and, for a server in Entra mode,
 * `authentication.getAuthToken` (the SSO token given as the host's `token` query parameter). Nothing in the tab is
 * mocked: the real teams-js in the built bundle talks to this page as it would to Teams.
 *
 * The host is served at the app's own origin (teams-js accepts messages from its own origin), so the test
 * adds `'self'` to the tab's `frame-ancestors` for the framed page only; production lists Microsoft's hosts.
 */
export const TEAMS_HOST_PATH = '/__teams-host';

function hostHtml(framePath: string): string {
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Teams-vergadering (stand-in)</title>
<style>body{margin:0}iframe{display:block;border:0;width:100%;height:2400px}</style></head>
<body><iframe title="Bondgenoten zijpaneel" src="${framePath}"></iframe>
<script>
  const params = new URLSearchParams(location.search);
  const thread = params.get('thread');
  const frameContext = params.get('frame') || 'sidePanel';
  window.__teamsCalls = [];
  window.__teamsConfig = null;
  const runtime = {
    apiVersion: 4,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    isLegacyTeams: false,
    supports: { appInstallDialog: {}, dialog: { url: {} }, meeting: {}, pages: { appButton: {}, backStack: {}, config: {}, currentApp: {}, tabs: {} }, teamsCore: {} },
  };
  const context = {
    locale: 'nl-nl',
    theme: 'default',
    frameContext,
    hostClientType: 'web',
    hostName: 'Teams',
    entityId: 'meeting-panel',
    appSessionId: '0e0e0e0e-0000-4000-8000-00000000000e',
    sessionId: 'stand-in-session',
    tid: '00000000-0000-4000-8000-0000000000a1',
    ...(thread ? { chatId: thread, meetingId: btoa('0#' + thread + '#0') } : {}),
  };
  const frame = document.querySelector('iframe');
  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow) return;
    const request = event.data;
    if (!request || typeof request.func !== 'string' || typeof request.id !== 'number') return;
    window.__teamsCalls.push(request.func);
    const reply = (args) =>
      event.source.postMessage({ id: request.id, uuidAsString: request.uuidAsString, args }, event.origin);
    if (request.func === 'initialize') reply([frameContext, 'web', JSON.stringify(runtime), '2.58.0']);
    else if (request.func === 'getContext') reply([context]);
    // Teams SSO: the access token the test put in the host's query (\`token\`), as Entra would have issued it.
    else if (request.func === 'authentication.getAuthToken') {
      const token = params.get('token');
      reply(token ? [true, token] : [false, 'resourceDisabled']);
    }
    // The configuration dialog: what the tab asks Teams to save, answered as a success (status, reason).
    else if (request.func === 'settings.setSettings') {
      window.__teamsConfig = request.args[0];
      reply([true]);
    }
  });
  // The user selects Save in the configuration dialog: Teams sends the page's save handler this event.
  window.__teamsSave = () => frame.contentWindow.postMessage({ func: 'settings.save', args: [{}] }, location.origin);
</script></body></html>`;
}

/** Serves the host page at {@link TEAMS_HOST_PATH} and lets the tab be framed by it, on this page only. */
export async function installTeamsHost(page: Page, baseUrl: string, framePath: string): Promise<void> {
  await page.route(`${baseUrl}${TEAMS_HOST_PATH}*`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hostHtml(framePath) }),
  );
  await page.route(`${baseUrl}${framePath.split('?')[0]}*`, async (route) => {
    const response = await route.fetch();
    const headers = response.headers();
    const csp = headers['content-security-policy'] ?? '';
    headers['content-security-policy'] = csp.replace('frame-ancestors', "frame-ancestors 'self'");
    await route.fulfill({ response, headers });
  });
}

/** Presses Save in the stand-in configuration dialog; resolves with the tab configuration the page set. */
export async function saveTabConfiguration(page: Page): Promise<{ contentUrl: string; entityId: string }> {
  await page.evaluate(() => (window as unknown as { __teamsSave: () => void }).__teamsSave());
  await page.waitForFunction(() =>
    (window as unknown as { __teamsCalls: string[] }).__teamsCalls.includes('settings.save.success'),
  );
  return page.evaluate(
    () => (window as unknown as { __teamsConfig: { contentUrl: string; entityId: string } }).__teamsConfig,
  );
}

/** The calls the tab made to the host, in order (e.g. `initialize`, `getContext`). */
export async function teamsCalls(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __teamsCalls: string[] }).__teamsCalls);
}
