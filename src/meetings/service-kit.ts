import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import type { Database } from '../platform/db/schema.js';
import { DomainError, type FieldError } from '../platform/errors.js';
import { CalendarError, type CalendarPort } from './calendar-port.js';
import { RECOMMENDED_CADENCE_DAYS } from './constants.js';
import type { followUpSchema } from './follow-up-schema.js';
import type { MeetingNotifier } from './meeting-notifier.js';
import type { Executor, SettingsRow } from './meeting-store.js';
import { type NeighbourReads, type NetworkContext, readNetworkContext } from './neighbour-reads.js';
import type { MeetingNeighbours } from './neighbours.js';

/** What every meetings operation needs besides its input. */
export interface MeetingDeps {
  db: Kysely<Database>;
  calendar: CalendarPort;
  logger: Logger;
  now: () => Date;
  /** Told after a meeting's first record is stored (the bot's next-meeting card); absent without a bot. */
  notifier?: MeetingNotifier | undefined;
  /** The network's follow-ups of closed call-outs (owned by call-outs); absent, the list shows none. */
  followUps?: FollowUpSource | undefined;
  /** Other capabilities' people, networks and municipalities, through their public API. */
  neighbours: MeetingNeighbours;
}

/** A network's follow-ups after closed call-outs, with their status read from its meetings. */
export type FollowUpSource = (networkId: string, now: Date) => Promise<FollowUp[]>;
export type FollowUp = z.infer<typeof followUpSchema>;

export const DEFAULT_SETTINGS = {
  cadence_days: RECOMMENDED_CADENCE_DAYS,
  weekdays: [2, 3, 4],
  start_time: '18:00',
  duration_minutes: 120,
  allow_longer_than_two_hours: false,
  organiser_user_id: null,
  organiser_mailbox: null,
  ramadan_policy: 'iftar' as const,
  observances_added: [] as string[],
  observances_removed: [] as string[],
  meal_arrangements: null,
  online_meeting: false,
  version: 0,
};
export type EffectiveSettings = Omit<SettingsRow, 'network_id' | 'updated_at'>;

export const MAX_MINUTES = 120;
/** Staff who sit at the table; viewers only read. */
export const ATTENDING_ROLES = new Set(['coordinator', 'member', 'secretary']);

export const notFound = () => new DomainError('not-found', 'No such record in your networks.');
export const invalid = (errors: FieldError[]) =>
  new DomainError('validation-failed', 'One or more fields are not valid.', errors);
export const conflict = () =>
  new DomainError('conflict', 'Someone else changed this in the meantime; reload and try again.').because(
    'changed-meanwhile',
  );

export function upstream(error: unknown): DomainError {
  const status = error instanceof CalendarError ? error.status : 0;
  return new DomainError(
    'upstream-failed',
    `The calendar did not accept the change (${status === 0 ? 'no answer' : status}); nothing was changed.`,
  );
}

export async function audit(
  db: Executor,
  origin: AuditOrigin,
  action: string,
  object: { type: string; id: string } | null,
  now: Date,
) {
  await appendAuditEvent(db, auditEvent(origin, action, object), now);
}

export async function requireNetwork(reads: NeighbourReads, networkId: string): Promise<NetworkContext> {
  const network = await readNetworkContext(reads, networkId);
  if (!network) throw notFound();
  return network;
}
