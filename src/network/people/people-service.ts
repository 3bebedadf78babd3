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
  addPersonToNetwork,
  insertPerson,
  lockPerson,
  markPersonAlly,
  readPersonDetail,
  updatePersonRow,
} from './people-store.js';
import { countAllies, readPersonNetworkIds } from './person-lookup-store.js';
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

/** Refuses a wijk or communities outside the municipality (field errors); used by selection too. */
export async function checkReferences(
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

/**
 * The people API never makes anyone an ally: an ally is admitted through selection (src/selection), by one staff
 * member of the municipality and one of the police (issue 16). Refused before anything changes.
 */
function refuseDirectAlly(
  kindBefore: PersonDetail['kind'] | null,
  kindAfter: PersonDetail['kind'] | undefined,
) {
  if (kindAfter !== 'ally' || kindBefore === 'ally') return;
  throw new DomainError(
    'rule-violated',
    'An ally is admitted through selection, by one staff member of the municipality and one of the police.',
    [
      {
        field: 'body.kind',
        code: 'ally_via_selection',
        message: 'an ally is admitted through selection (both parties approve), not set directly',
      },
    ],
  ).because('ally-needs-selection');
}

/** Adds a key figure to a network, enforcing the method's rules (coordinators; audited); never an ally. */
export async function createPerson(
  db: Kysely<Database>,
  origin: AuditOrigin,
  networkId: string,
  input: CreatePerson,
  now: Date,
): Promise<{ person: PersonDetail; warnings: NetworkWarning[] }> {
  refuseEndedKind(input.kind);
  refuseDirectAlly(null, input.kind);
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
    refuseDirectAlly(before.kind, change.kind);
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

/** Who selection admits as ally: a person already stored ("zelfde persoon") or a new one from the candidate. */
export type AllyAdmission =
  | { personId: string }
  | {
      person: Pick<CreatePerson, 'displayName' | 'neighbourhoodId' | 'communityIds' | 'mobile' | 'email'>;
    };

/**
 * Admits an ally into a network inside selection's transaction, after both parties approved: the ally rules
 * still apply (never a professional of the regular network, at most the hard limit). The person joins the
 * network if they were not in it, and the change is audited as `person.create` or `person.kind-ally`.
 */
export async function admitAlly(
  tx: Tx,
  origin: AuditOrigin,
  networkId: string,
  admission: AllyAdmission,
  consent: { consentDate: string | null; legalBasis: PersonDetail['legalBasis'] | null },
  now: Date,
): Promise<{ personId: string; warnings: NetworkWarning[] }> {
  const network = await readNetwork(tx, networkId, true);
  if (!network) throw new DomainError('not-found', 'No network with this id exists.');
  const allies = (await countAllies(tx, [networkId])).get(networkId) ?? 0;
  if ('personId' in admission) {
    const before = await lockPerson(tx, admission.personId);
    if (!before || before.municipalityId !== network.municipality.id)
      throw new DomainError('not-found', 'No such record in your networks.');
    const addsAlly = before.kind !== 'ally';
    const warnings = checkAllyRules({
      kindAfter: 'ally',
      isProfessionalAfter: before.isProfessional,
      alliesAfter: allies + (addsAlly ? 1 : 0),
      addsAlly,
      limits: network.limits,
    });
    await addPersonToNetwork(tx, networkId, admission.personId);
    await markPersonAlly(tx, admission.personId, consent, now);
    const object = { type: 'person', id: admission.personId };
    await appendAuditEvent(tx, auditEvent(origin, 'person.kind-ally', object), now);
    return { personId: admission.personId, warnings };
  }
  const person: CreatePerson = {
    ...admission.person,
    kind: 'ally',
    isProfessional: false,
    preferredChannel: null,
    languages: [],
    ageBand: null,
    gender: null,
    legalBasis: consent.legalBasis ?? 'consent',
    consentDate: consent.consentDate,
  };
  await checkReferences(tx, network.municipality.id, person);
  const warnings = checkAllyRules({
    kindAfter: 'ally',
    isProfessionalAfter: person.isProfessional,
    alliesAfter: allies + 1,
    addsAlly: true,
    limits: network.limits,
  });
  const personId = await insertPerson(tx, network.municipality.id, networkId, person);
  await appendAuditEvent(tx, auditEvent(origin, 'person.create', { type: 'person', id: personId }), now);
  return { personId, warnings };
}
