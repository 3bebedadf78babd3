import type { AuditOrigin } from '../../audit/audit-origin.js';
import type { AccessProfile } from '../../identity/access.js';
import { DomainError } from '../../platform/errors.js';
import { canRecordMeeting, canViewMeetings } from '../policies.js';
import { audit, type MeetingDeps } from '../service-kit.js';
import type { TeamsMeetingContext } from './panel-schemas.js';
import { readMeetingsOfThread } from './panel-store.js';

/** The call-out whose *Bijeenkomst nu* meeting has this thread, if the caller may see it (owned by call-outs). */
export type CallOutMeetingFinder = (access: AccessProfile, threadId: string) => Promise<string | null>;

const notYours = () =>
  new DomainError('not-found', 'This Teams meeting is not a meeting or call-out of your networks.');

/**
 * Which app meeting a Teams meeting is, from its chat thread id: a bondgenotenoverleg whose network the caller
 * is staff of, else a call-out's *Bijeenkomst nu* the caller may see. The thread id comes from the client and
 * is not trusted: it only selects among what the caller may read anyway, and anything else is "not found".
 */
export async function resolveTeamsMeeting(
  deps: MeetingDeps & { callOutMeetings?: CallOutMeetingFinder | undefined },
  origin: AuditOrigin,
  access: AccessProfile,
  threadId: string,
): Promise<TeamsMeetingContext> {
  const candidates = await readMeetingsOfThread(deps.db, threadId);
  const meeting = candidates.find((row) => canViewMeetings(access, row.networkId));
  if (meeting) {
    await audit(deps.db, origin, 'meeting.teams-context', { type: 'meeting', id: meeting.id }, deps.now());
    return {
      kind: 'meeting',
      networkId: meeting.networkId,
      meetingId: meeting.id,
      canRecord: canRecordMeeting(access, meeting.networkId),
    };
  }
  const callOutId = (await deps.callOutMeetings?.(access, threadId)) ?? null;
  if (callOutId) {
    await audit(deps.db, origin, 'meeting.teams-context', { type: 'call-out', id: callOutId }, deps.now());
    return { kind: 'call-out', callOutId };
  }
  throw notYours();
}
