/**
 * A Teams meeting's chat thread id (`19:meeting_…@thread.v2`), read from the places Teams gives it: the
 * join link Graph returns for an online meeting (the thread id sits URL-encoded in its path), and the meeting
 * id teams-js reports in a meeting's tab context (base64 of `0#<thread id>#0`). The thread id is what ties a
 * meeting side panel to the meeting or call-out the app created. Pure, shared by the server and the tab.
 */

/** The shape of a chat thread id; anything else is not a Teams meeting chat. */
export const THREAD_ID_PATTERN = /^19:[A-Za-z0-9_\-.=+/]{1,200}@thread\.(v2|skype|tacv2)$/;

/** The thread id in a Teams join link (`…/l/meetup-join/19%3ameeting_…%40thread.v2/0?context=…`), or null. */
export function threadIdFromJoinUrl(joinUrl: string): string | null {
  const match = /\/l\/meetup-join\/([^/?#]+)/i.exec(joinUrl);
  if (!match?.[1]) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  return THREAD_ID_PATTERN.test(decoded) ? decoded : null;
}

/** The thread id inside teams-js' `context.meeting.id` (base64 of `0#19:…@thread.v2#0`), or null. */
export function threadIdFromMeetingId(meetingId: string): string | null {
  let decoded: string;
  try {
    decoded = atob(meetingId);
  } catch {
    return null;
  }
  const thread = decoded.split('#')[1] ?? '';
  return THREAD_ID_PATTERN.test(thread) ? thread : null;
}
