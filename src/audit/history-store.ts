import { type Kysely, sql, type Transaction } from 'kysely';
import { joinableUsers } from '../identity/index.js';
import type { Database } from '../platform/db/schema.js';

/*
 * Reads of the trail for another capability's page, in a store of their own: audit-store.ts writes the trail
 * (and the audit-label check reads every quoted dotted name in a writing file as an action).
 */

type Executor = Kysely<Database> | Transaction<Database>;

/** One successful entry about an object, with the acting staff member as they are named now. */
export interface ObjectHistoryEntry {
  occurredAt: Date;
  action: string;
  channel: 'tab' | 'bot' | 'api' | 'job';
  actorId: string | null;
  actorName: string | null;
}

/**
 * The successful entries about one object, newest first, with the acting staff member's name: the events
 * still waiting in the journal (they will be sealed after every row already in the chain), then the chain
 * itself — the order the chain will have once everything is sealed. One statement, so one snapshot: a sealer
 * moving rows meanwhile can neither hide nor double an entry. Unlike `readObjectAuditHistory` it does not
 * seal first (a person's history on the network page is a read, not an inzage).
 */
export async function readObjectHistoryWithJournal(
  db: Executor,
  object: { type: string; id: string },
  limit: number,
): Promise<ObjectHistoryEntry[]> {
  const journal = db
    .selectFrom('audit_journal')
    .select([
      sql<number>`0`.as('source'),
      'id as position',
      'occurred_at',
      'action',
      'channel',
      'actor_user_id',
    ])
    .where('object_type', '=', object.type)
    .where('object_id', '=', object.id)
    .where('result', '=', 'success');
  const chain = db
    .selectFrom('audit_events')
    .select([
      sql<number>`1`.as('source'),
      'seq as position',
      'occurred_at',
      'action',
      'channel',
      'actor_user_id',
    ])
    .where('object_type', '=', object.type)
    .where('object_id', '=', object.id)
    .where('result', '=', 'success');
  return db
    .selectFrom(journal.unionAll(chain).as('e'))
    .leftJoin(joinableUsers(db).as('u'), 'u.id', 'e.actor_user_id')
    .select([
      'e.occurred_at as occurredAt',
      'e.action',
      'e.channel',
      'u.id as actorId',
      'u.display_name as actorName',
    ])
    .orderBy('e.source')
    .orderBy('e.position', 'desc')
    .limit(limit)
    .execute();
}
