import { type ExpressionBuilder, type Kysely, sql, type Transaction } from 'kysely';
import { joinableNetworks } from '../network/index.js';
import type { Database } from '../platform/db/schema.js';
import { joinableAreas } from '../setup/index.js';
import type { CallOutKind } from './contract.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Which closed call-outs to list: a period of start dates (instants, end exclusive), a kind, a network. */
export interface PastCallOutFilter {
  startedFrom: string | null;
  startedBefore: string | null;
  kind: CallOutKind | null;
  networkId: string | null;
}

/** Who is asking: administrators see every call-out; others those they started, received, or that cover a network of theirs. */
export interface PastCallOutViewer {
  userId: string;
  isAdministrator: boolean;
  networkIds: readonly string[];
}

type CallOutScope = ExpressionBuilder<Database & { c: Database['call_outs'] }, 'c'>;

/** The call-out covers one of these networks: a network sits on a place of the call-out or on its district. */
function coversNetworkIn(eb: CallOutScope, db: Executor, networkIds: readonly string[]) {
  return eb.exists(
    eb
      .selectFrom('call_out_places as p')
      .innerJoin(joinableAreas(db).as('a'), 'a.id', 'p.area_id')
      .innerJoin(joinableNetworks(db).as('n'), (join) =>
        join.on((on) =>
          on.or([on('n.area_id', '=', on.ref('a.id')), on('n.area_id', '=', on.ref('a.parent_id'))]),
        ),
      )
      .select(sql.lit(1).as('one'))
      .whereRef('p.call_out_id', '=', 'c.id')
      .where('n.id', 'in', [...networkIds]),
  );
}

/** The visibility rule of `visibleCallOut` (call-out-read.ts), as SQL so a page can be counted and cut. */
function visibleTo(eb: CallOutScope, db: Executor, viewer: PastCallOutViewer) {
  const ways = [
    eb('c.started_by', '=', viewer.userId),
    eb.exists(
      eb
        .selectFrom('call_out_recipients as r')
        .select(sql.lit(1).as('one'))
        .whereRef('r.call_out_id', '=', 'c.id')
        .where('r.user_id', '=', viewer.userId),
    ),
  ];
  if (viewer.networkIds.length > 0) ways.push(coversNetworkIn(eb, db, viewer.networkIds));
  return eb.or(ways);
}

/** One page of closed call-outs the viewer may see, newest first, and how many there are in all. */
export async function readClosedCallOutPage(
  db: Executor,
  viewer: PastCallOutViewer,
  filter: PastCallOutFilter,
  page: { limit: number; offset: number },
) {
  let query = db.selectFrom('call_outs as c').where('c.status', '=', 'closed');
  if (!viewer.isAdministrator) query = query.where((eb) => visibleTo(eb, db, viewer));
  if (filter.startedFrom) query = query.where('c.started_at', '>=', new Date(filter.startedFrom));
  if (filter.startedBefore) query = query.where('c.started_at', '<', new Date(filter.startedBefore));
  if (filter.kind) query = query.where('c.kind', '=', filter.kind);
  const { networkId } = filter;
  if (networkId) query = query.where((eb) => coversNetworkIn(eb, db, [networkId]));
  const [rows, count] = await Promise.all([
    query
      .selectAll('c')
      .orderBy('c.started_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/** The networks each call-out covers, by name; only `networkIds` unless null (administrators see all). */
export async function readCoveredNetworks(
  db: Executor,
  callOutIds: readonly string[],
  networkIds: readonly string[] | null,
): Promise<{ callOutId: string; id: string; name: string }[]> {
  if (callOutIds.length === 0 || networkIds?.length === 0) return [];
  let query = db
    .selectFrom('call_out_places as p')
    .innerJoin(joinableAreas(db).as('a'), 'a.id', 'p.area_id')
    .innerJoin(joinableNetworks(db).as('n'), (join) =>
      join.on((on) =>
        on.or([on('n.area_id', '=', on.ref('a.id')), on('n.area_id', '=', on.ref('a.parent_id'))]),
      ),
    )
    .select(['p.call_out_id as callOutId', 'n.id', 'n.name'])
    .distinct()
    .where('p.call_out_id', 'in', [...callOutIds]);
  if (networkIds) query = query.where('n.id', 'in', [...networkIds]);
  return query.orderBy('n.name').execute();
}
