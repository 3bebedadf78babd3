import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import { countCallOuts } from '../call-outs/index.js';
import { countEvaluationsDue } from '../evaluation/index.js';
import type { AccessProfile } from '../identity/access.js';
import { countMeetings } from '../meetings/index.js';
import { countCoverageGaps, readActiveNetworks } from '../network/index.js';
import type { Database } from '../platform/db/schema.js';
import { DomainError } from '../platform/errors.js';
import { addDays, daysBetween, LOCAL_TIME_ZONE, localDate, startOfLocalDate } from '../platform/time.js';
import type { NetworkOverview, NetworkOverviewQuery } from './overview-schemas.js';
import { aggregateScope } from './policies.js';
import { countSignalOverview } from './thermometer-store.js';

type Db = Kysely<Database>;

/** Longest period the overview answers for: two years (a leap day included). */
export const OVERVIEW_MAX_DAYS = 731;

/** How far back the overview looks when no period is asked for. */
export const OVERVIEW_DEFAULT_MONTHS = 3;

/**
 * The period asked for, or its default: the last three months up to today. A rolling three months rather than
 * the calendar quarter, so early in a quarter the overview is not nearly empty: it always spans about two
 * meeting cycles of a network that meets every six weeks.
 */
export function overviewPeriod(query: NetworkOverviewQuery, now: Date): { from: string; to: string } {
  const to = query.to ?? localDate(now);
  const from =
    query.from ??
    (DateTime.fromISO(to, { zone: LOCAL_TIME_ZONE })
      .minus({ months: OVERVIEW_DEFAULT_MONTHS })
      .plus({ days: 1 })
      .toISODate() as string);
  if (to < from)
    throw new DomainError('validation-failed', 'The period ends before it starts.', [
      { field: 'query.to', code: 'before_start', message: 'must not be before from' },
    ]);
  if (daysBetween(from, to) >= OVERVIEW_MAX_DAYS)
    throw new DomainError('validation-failed', 'The period is too long.', [
      {
        field: 'query.to',
        code: 'range_too_long',
        max: OVERVIEW_MAX_DAYS,
        message: `at most ${OVERVIEW_MAX_DAYS} days`,
      },
    ]);
  return { from, to };
}

/**
 * The cross-network overview for administrators and coordinators: per network, meetings planned and held, signals
 * and their open and overdue follow-ups, coverage gaps, the next evaluation and the call-outs of the period. Staff
 * see the networks they hold a role in, administrators every active network. Each number comes from its owner's
 * batched count (one query per owner for all networks, never per network). Counts only, no names of people
 * (audited, `network-overview.read`).
 */
export async function readNetworkOverview(
  db: Db,
  origin: AuditOrigin,
  access: AccessProfile,
  query: NetworkOverviewQuery,
  now: Date,
): Promise<NetworkOverview> {
  const { from, to } = overviewPeriod(query, now);
  const today = localDate(now);
  const all = await readActiveNetworks(db);
  const inScope = new Set(
    aggregateScope(
      access,
      all.map((n) => n.id),
    ),
  );
  const networks = all.filter((n) => inScope.has(n.id));
  const networkIds = networks.map((n) => n.id);
  const fromInstant = new Date(startOfLocalDate(from));
  const untilInstant = new Date(startOfLocalDate(addDays(to, 1)));
  // Independent reads in parallel: on PostgreSQL they use separate pool connections.
  const [meetings, signals, gaps, evaluations, callOuts] = await Promise.all([
    countMeetings(db, { networkIds, from, to }),
    countSignalOverview(db, { networkIds, fromInstant, untilInstant, today }),
    countCoverageGaps(db, networkIds),
    countEvaluationsDue(db, { networkIds, from, to }, now),
    countCallOuts(db, { networkIds, fromInstant, untilInstant }),
  ]);
  await appendAuditEvent(db, auditEvent(origin, 'network-overview.read', null), now);
  return {
    from,
    to,
    today,
    networks: networks.map((network) => {
      const s = signals.get(network.id);
      const c = callOuts.get(network.id);
      const e = evaluations.get(network.id);
      return {
        networkId: network.id,
        name: network.name,
        meetings: meetings.get(network.id) ?? { planned: 0, held: 0, cancelled: 0 },
        signals: s?.signals ?? 0,
        openFollowUps: s?.openFollowUps ?? 0,
        overdueFollowUps: s?.overdueFollowUps ?? 0,
        coverageGaps: gaps.get(network.id) ?? 0,
        // Null only for a network archived between the two reads.
        evaluation: e ?? null,
        callOuts: { total: c?.callOuts ?? 0, reachedWithinHour: c?.reachedWithinHour ?? 0 },
      };
    }),
  };
}
