import type { Kysely } from 'kysely';
import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvents } from '../audit/index.js';
import type { AccessProfile } from '../identity/access.js';
import type { Database } from '../platform/db/schema.js';
import { visibleCallOut } from './call-out-read.js';
import { timelineOfVisible } from './call-out-service.js';
import { readCallOutDetail } from './call-out-views.js';
import { meetingOfVisible } from './convene/convene-service.js';
import type { CallOutDetail } from './schemas.js';

/**
 * The call-out page's first data in one request (GET /call-outs/{id}/page): what GET /call-outs/{id}, /meeting and
 * /timeline answer. One visibility check (a call-out the caller may not see is refused once, with one refusal row
 * written by the router); then the three reads together, each reusing the check's row, and their three audit rows
 * in one insert, in the page's order: read, meeting-read, timeline-read. Round trips one after the other: the
 * check, the reads (in parallel), the audit rows; none is audited unless all three were read (issue 21: the page's
 * request took eight round trips in a row and fourteen statements).
 */
export async function readCallOutPage(
  db: Kysely<Database>,
  origin: AuditOrigin,
  access: AccessProfile,
  callOutId: string,
  now: Date,
) {
  const row = await visibleCallOut(db, access, callOutId);
  const [callOut, meeting, timeline] = await Promise.all([
    readCallOutDetail(db, callOutId, new Set(access.networkRoles.keys()), now, row),
    meetingOfVisible(db, callOutId, row),
    timelineOfVisible(db, callOutId),
  ]);
  const target = { type: 'call-out', id: callOutId } as const;
  await appendAuditEvents(
    db,
    [
      auditEvent(origin, 'call-out.read', target),
      auditEvent(origin, 'call-out.meeting-read', target),
      auditEvent(origin, 'call-out.timeline-read', target),
    ],
    now,
  );
  return { callOut: callOut as CallOutDetail, meeting, timeline };
}
