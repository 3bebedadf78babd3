import { THREAD_ID_PATTERN, threadIdFromMeetingId } from '../../meetings/constants.js';
/** What the tab needs from the Teams host, behind one small interface so pages never touch teams-js. */
export interface TeamsBridge {
  /** Teams' UI theme at start (`default`, `dark`, `contrast`, …). */
  theme: string;
  /** Teams' UI language, e.g. `nl-nl` or `en-us`. */
  locale: string;
  /** The sub-page a deep link opened the tab at (its `context.subEntityId`), or null. */
  subPageId: string | null;
  /**
   * In a Teams meeting (side panel, meeting chat or details tab): the meeting chat's thread id
   * (`19:meeting_…@thread.v2`), from `context.chat.id` or else the meeting id; null outside a meeting.
   */
  meetingThreadId: string | null;
  /** Calls `handler` whenever the user changes the Teams theme. */
  onThemeChange(handler: (teamsTheme: string) => void): void;
  /** An Entra ID token for this app's API, from Teams single sign-on. */
  getAuthToken(): Promise<string>;
  /** Lets the channel-tab configuration dialog save a tab with this content. */
  enableTabSave(
    config: { contentUrl: string; entityId: string; suggestedDisplayName: string },
    failure: string,
  ): void;
}

/** The meeting chat's thread id of a teams-js context, or null when the tab is not in a meeting. */
export function meetingThreadIdOf(context: {
  meeting?: { id: string };
  chat?: { id: string };
}): string | null {
  if (!context.meeting) return null;
  const chatId = context.chat?.id ?? '';
  if (THREAD_ID_PATTERN.test(chatId)) return chatId;
  return threadIdFromMeetingId(context.meeting.id);
}

/** How long a plain browser may wait for a Teams host that never answers. */
export const TEAMS_INIT_TIMEOUT_MS = 4000;

/** True when the page may be hosted by Teams: framed, or opened with `?inTeams=1` as the manifest's contentUrl says. */
export function mayBeInTeams(): boolean {
  const framed = window.self !== window.top;
  return framed || new URLSearchParams(window.location.search).get('inTeams') === '1';
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`Teams did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

/**
 * Connects to the Teams host, or resolves null when there is none (a plain browser, or a frame that is not Teams).
 * teams-js is loaded on demand so that a plain browser never downloads it.
 */
export async function connectToTeams(timeoutMs = TEAMS_INIT_TIMEOUT_MS): Promise<TeamsBridge | null> {
  try {
    const { app, authentication, pages } = await import('@microsoft/teams-js');
    await withTimeout(app.initialize(), timeoutMs);
    const context = await withTimeout(app.getContext(), timeoutMs);
    void app.notifySuccess();
    return {
      theme: context.app.theme,
      locale: context.app.locale,
      subPageId: context.page.subPageId ?? null,
      meetingThreadId: meetingThreadIdOf(context),
      onThemeChange: (handler) => app.registerOnThemeChangeHandler(handler),
      getAuthToken: () => authentication.getAuthToken(),
      enableTabSave: (config, failure) => {
        pages.config.registerOnSaveHandler((saveEvent) => {
          pages.config.setConfig(config).then(
            () => saveEvent.notifySuccess(),
            () => saveEvent.notifyFailure(failure),
          );
        });
        pages.config.setValidityState(true);
      },
    };
  } catch {
    // Not hosted by Teams after all: the tab carries on as a plain web page.
    return null;
  }
}

let connection: Promise<TeamsBridge | null> | undefined;

/**
 * {@link connectToTeams}, once per page: start-up (session/start-up.ts) connects before React has loaded, so that
 * teams-js downloads and Teams answers while the rest of the initial JS downloads and runs, and the host hook
 * (use-host.ts) then takes the same connection instead of starting a second one after the first render (issue 21).
 */
export function connectToTeamsOnce(): Promise<TeamsBridge | null> {
  connection ??= connectToTeams();
  return connection;
}
