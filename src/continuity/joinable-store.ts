import { type Expression, type QueryCreator, type SqlBool, sql } from 'kysely';
import { joinableNetworkRoles } from '../identity/index.js';
import type { Database } from '../platform/db/schema.js';

/*
 * Continuity's reads as sub-queries that another capability's store may embed in a statement of its own (the
 * network page reads its frame, people, staff, their absences and newcomers in one statement, one round trip).
 * Continuity stays the only owner of the SQL that reads `staff_absences`, `introductions` and
 * `introduction_items`; the caller reads the rows through continuity's rules (`absentAt`, `overdueNewcomers`).
 */

/**
 * The absence periods of a network's staff members and their back-ups that overlap [from, to] (local dates,
 * inclusive), earliest first; found by the network, so it needs no earlier read of the staff.
 */
export function joinableNetworkStaffAbsences(
  db: QueryCreator<Database>,
  networkId: string,
  from: string,
  to: string,
) {
  return joinableStaffAbsencesIn(db, { networkIds: [networkId] }, from, to);
}

/**
 * Whose networks a sub-query below reads: these networks, the networks where a user holds a role, or every network
 * (the overview of an administrator, who sees every network's staffing).
 */
export type NetworkScope = { networkIds: readonly string[] } | { rolesOf: string } | { everyNetwork: true };

/** `column` (a network id) lies in `scope`. */
function inScope(db: QueryCreator<Database>, column: string, scope: NetworkScope): Expression<SqlBool> {
  if ('everyNetwork' in scope) return sql<SqlBool>`true`;
  if ('rolesOf' in scope) {
    const own = db
      .selectFrom(joinableNetworkRoles(db).as('own'))
      .select('own.network_id')
      .where('own.user_id', '=', scope.rolesOf);
    return sql<SqlBool>`${sql.ref(column)} in (${own})`;
  }
  if (scope.networkIds.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`${sql.ref(column)} in (${sql.join(scope.networkIds)})`;
}

/**
 * The absence periods overlapping [from, to] (local dates, inclusive) of the staff members, and their back-ups, of
 * the networks in `scope` (one network for the network page, several for the overview).
 */
export function joinableStaffAbsencesIn(
  db: QueryCreator<Database>,
  scope: NetworkScope,
  from: string,
  to: string,
) {
  return db
    .selectFrom('staff_absences')
    .select(['user_id as userId', 'starts_on as startsOn', 'ends_on as endsOn'])
    .where((eb) =>
      eb.or([
        eb(
          'user_id',
          'in',
          eb
            .selectFrom(joinableNetworkRoles(db).as('r'))
            .select('r.user_id')
            .where(inScope(db, 'r.network_id', scope)),
        ),
        eb(
          'user_id',
          'in',
          eb
            .selectFrom(joinableNetworkRoles(db).as('b'))
            .select('b.backup_user_id')
            .where(inScope(db, 'b.network_id', scope))
            .where('b.backup_user_id', 'is not', null),
        ),
      ]),
    )
    .where('ends_on', '>=', from)
    .where('starts_on', '<=', to)
    .orderBy('starts_on');
}

/** The newcomers not yet introduced at a meeting (see {@link joinableNotIntroduced}) of the networks in `scope`. */
export function joinableNotIntroducedIn(db: QueryCreator<Database>, scope: NetworkScope) {
  return db
    .selectFrom('introductions as i')
    .leftJoin('introduction_items as m', (join) =>
      join
        .onRef('m.network_id', '=', 'i.network_id')
        .onRef('m.user_id', '=', 'i.user_id')
        .on('m.item_key', '=', 'meeting'),
    )
    .select(['i.network_id as networkId', 'i.user_id as userId', 'i.started_on as startedOn'])
    .where(inScope(db, 'i.network_id', scope))
    .where('m.item_key', 'is', null)
    .orderBy('i.started_on');
}

/**
 * The newcomers of these networks not yet introduced at a meeting (no `meeting` checklist item), with the day
 * their role started, earliest first; whether that is overdue is `overdueNewcomers`' call.
 */
export function joinableNotIntroduced(db: QueryCreator<Database>, networkIds: readonly string[]) {
  return joinableNotIntroducedIn(db, { networkIds });
}
