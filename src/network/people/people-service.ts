import type { Kysely, Transaction } from 'kysely';
import { type AuditOrigin, auditEvent } from '../../audit/audit-origin.js';
import { appendAuditEvent } from '../../audit/index.js';
import type { Database } from '../../platform/db/schema.js';
import { transaction } from '../../platform/db/transaction.js';
import { DomainError, type FieldError } from '../../platform/errors.js';
import { ENDED_KINDS } from '../constants.js';
import { readNetwork, readValidReferences } from '../page/network-store.js';
import type { CreatePerson, NetworkWarning, PersonDetail, UpdatePerson } from '../schemas.js';
import {
  countAllies,
  insertPerson,
  lockPerson,
  readPersonDetail,
  readPersonNetworkIds,
  updatePersonRow,
} from './people-store.js';
import { checkAllyRules, normaliseMobile } from './person-rules.js';

type Tx = Transaction<Database>;

/** One person's details for staff of one of their networks; every read is audited. */
export async function getPerson(
  db: Kysely<Database>,
  origin: AuditOrigin,
  personId: string,
  now: Date,
): Promise<PersonDetail> {
  const person = await readPersonDetail(db, personId);
  if (!person) throw new DomainError('not-found', 'No such record in your networks.');
  await appendAuditEvent(db, auditEvent(origin, 'person.read', { type: 'person', id: personId }), now);
  const { municipalityId: _m, ...detail } = person;
  return detail;
}

async function checkReferences(
  tx: Tx,
  municipalityId: string,
  ids: { neighbourhoodId?: string | null | undefined; communityIds?: string[] | undefined },
): Promise<void> {
  const { neighbourhoodOk, unknownCommunityIds } = await readValidReferences(tx, municipalityId, {
    neighbourhoodId: ids.neighbourhoodId,
    communityIds: ids.communityIds,
  });
  const errors: FieldError[] = [];
  if (!neighbourhoodOk)
    errors.push({
      field: 'body.neighbourhoodId',
      code: 'unknown_reference',
      kind: 'neighbourhood',
      message: 'is not a neighbourhood of this municipality',
    });
  if (unknownCommunityIds.length > 0) {
    errors.push({
      field: 'body.communityIds',
      code: 'unknown_reference',
      kind: 'community',
      message: 'contains unknown or archived communities',
    });
  }
  // A network never crosses a municipal border, and neither do the people in it.
  if (errors.length > 0)
    throw new DomainError('validation-failed', 'One or more fields are not valid.', errors);
}

/** Nothing but the farewell ends a membership: it records the end date and the reason (farewell/). */
function refuseEndedKind(kind: string | undefined): void {
  if (kind !== undefined && ENDED_KINDS.includes(kind))
    throw new DomainError('rule-violated', 'End a membership through POST /people/{personId}/farewell.', [
      { field: 'body.kind', code: 'use_farewell', message: 'a membership ends only through the farewell' },
    ]).because('use-farewell');
}

/** Adds a key figure or ally to a network, enforcing the method's rules (coordinators; audited). */
export async function createPerson(
  db: Kysely<Database>,
  origin: AuditOrigin,
  networkId: string,
  input: CreatePerson,
  now: Date,
): Promise<{ person: PersonDetail; warnings: NetworkWarning[] }> {
  refuseEndedKind(input.kind);
  const person = { ...input, mobile: normaliseMobile(input.mobile) };
  const { personId, warnings } = await transaction(db, async (tx) => {
    // Locking the network row makes concurrent additions queue, so the hard limit cannot be overrun.
    const network = await readNetwork(tx, networkId, true);
    if (!network) throw new DomainError('not-found', 'No network with this id exists.');
    await checkReferences(tx, network.municipality.id, person);
    const allies = (await countAllies(tx, [networkId])).get(networkId) ?? 0;
    const addsAlly = person.kind === 'ally';
    const warnings = checkAllyRules({
      kindAfter: person.kind,
      isProfessionalAfter: person.isProfessional,
      alliesAfter: allies + (addsAlly ? 1 : 0),
      addsAlly,
      limits: network.limits,
    });
    const personId = await insertPerson(tx, network.municipality.id, networkId, person);
    await appendAuditEvent(tx, auditEvent(origin, 'person.create', { type: 'person', id: personId }), now);
    return { personId, warnings };
  });
  return { person: await getPerson(db, origin, personId, now), warnings };
}

async function checkAllyLimits(
  tx: Tx,
  personId: string,
  before: { kind: string },
  after: { kind: string; isProfessional: boolean },
) {
  const networkIds = await readPersonNetworkIds(tx, personId);
  const addsAlly = after.kind === 'ally' && before.kind !== 'ally';
  const warnings: NetworkWarning[] = [];
  const networks = [];
  for (const networkId of networkIds) networks.push(await readNetwork(tx, networkId, true));
  const counts = await countAllies(tx, networkIds);
  for (const network of networks) {
    if (!network) continue;
    const alliesAfter = (counts.get(network.id) ?? 0) + (addsAlly ? 1 : 0);
    warnings.push(
      ...checkAllyRules({
        kindAfter: after.kind as CreatePerson['kind'],
        isProfessionalAfter: after.isProfessional,
        alliesAfter,
        addsAlly,
        limits: network.limits,
      }),
    );
  }
  return warnings;
}

/** Changes a person, e.g. makes a key figure an ally, with optimistic concurrency (coordinators; audited). */
export async function updatePerson(
  db: Kysely<Database>,
  origin: AuditOrigin,
  personId: string,
  input: UpdatePerson,
  now: Date,
): Promise<{ person: PersonDetail; warnings: NetworkWarning[] }> {
  refuseEndedKind(input.kind);
  const change = input.mobile === undefined ? input : { ...input, mobile: normaliseMobile(input.mobile) };
  const warnings = await transaction(db, async (tx) => {
    const before = await lockPerson(tx, personId);
    if (!before) throw new DomainError('not-found', 'No such record in your networks.');
    await checkReferences(tx, before.municipalityId, change);
    const after = {
      kind: change.kind ?? before.kind,
      isProfessional: change.isProfessional ?? before.isProfessional,
    };
    const warnings = await checkAllyLimits(tx, personId, before, after);
    if (!(await updatePersonRow(tx, personId, change, now))) {
      throw new DomainError(
        'conflict',
        'Someone else changed this person since you opened it; reload and try again.',
      ).because('changed-meanwhile');
    }
    const action =
      after.kind !== before.kind ? `person.kind-${after.kind.replace('_', '-')}` : 'person.update';
    await appendAuditEvent(tx, auditEvent(origin, action, { type: 'person', id: personId }), now);
    return warnings;
  });
  return { person: await getPerson(db, origin, personId, now), warnings };
}
