import type { Transaction } from 'kysely';
import { readNetworkStaff } from '../../identity/index.js';
import {
  readActiveNetworkDates,
  readCommunities,
  readNetwork,
  readNetworkNeighbourhoods,
  readPeopleOfNetwork,
} from '../../network/index.js';
import type { Database } from '../../platform/db/schema.js';
import { CRITERIA } from '../../selection/constants.js';
import type { CandidateStatus, Party } from '../../selection/db-schema.js';
import {
  insertApproval,
  insertCandidate,
  moveMergedDetails,
  updateCandidate,
  upsertAssessments,
  upsertMatchDecision,
  upsertVisit,
} from '../../selection/selection-store.js';
import { demoMobile } from './demo-phones.js';

/** The demo network that shows the way in (Haven's figures stay as the tests know them). */
const NETWORK = 'Bondgenoten Stad';

/**
 * Demo data of the selection pipeline (issue 16, fictional people): in Stad one candidate in every stage —
 * proposed by each party, a pair both parties proposed (matched as the same person), under review, a visit
 * planned, visited with one approval waiting for the other party, not admitted, on hold — and Stad's allies
 * marked as admitted before the pipeline existed, as migration 0025 does for a real municipality's allies.
 */
export async function seedSelectionDemo(tx: Transaction<Database>, now: Date): Promise<void> {
  const dated = (await readActiveNetworkDates(tx)).find((n) => n.name === NETWORK);
  if (!dated) return;
  const network = await readNetwork(tx, dated.id);
  if (!network) return;
  const staff = await readNetworkStaff(tx, network.id);
  const gemeente = staff.find((s) => s.organisation === 'gemeente');
  const politie = staff.find((s) => s.organisation === 'politie');
  if (!gemeente || !politie) return;
  const wijken = await readNetworkNeighbourhoods(tx, network.area);
  const communities = new Map(
    (await readCommunities(tx, network.municipality.id)).map((c) => [c.name, c.id] as const),
  );
  const by = (party: Party) => (party === 'gemeente' ? gemeente : politie);
  const candidate = (
    index: number,
    displayName: string,
    party: Party,
    status: CandidateStatus,
    community: string,
    motivation: string,
    mobile: string | null = demoMobile(60 + index),
  ) =>
    insertCandidate(
      tx,
      {
        networkId: network.id,
        displayName,
        neighbourhoodId: wijken[index % wijken.length]?.id ?? null,
        mobile,
        email: null,
        party,
        proposedByUserId: by(party).userId,
        motivation: `Fictief: ${motivation}`,
        communityIds: [communities.get(community)].filter((id): id is string => Boolean(id)),
        status,
        decidedAt: status === 'not_admitted' ? now : null,
      },
      now,
    );

  await candidate(
    0,
    'Ilse Brandsma',
    'gemeente',
    'proposed',
    'Buurtverenigingen',
    'trekker van de buurttuin',
  );
  await candidate(
    1,
    'Karim Bouzerda',
    'politie',
    'proposed',
    'Sportverenigingen',
    'trainer bij de voetbalclub',
  );
  // Both parties proposed the same man (same mobile): the police's proposal is merged into the municipality's.
  const shared = demoMobile(70);
  const fromGemeente = await candidate(
    2,
    'Tjeerd Wassenaar',
    'gemeente',
    'proposed',
    'Scholen',
    'ouder',
    shared,
  );
  const fromPolitie = await candidate(
    2,
    'Tjeerd Wassenaar',
    'politie',
    'proposed',
    'Scholen',
    'bekend',
    shared,
  );
  await upsertMatchDecision(
    tx,
    {
      candidateId: fromPolitie,
      otherKind: 'candidate',
      otherId: fromGemeente,
      decision: 'same',
      userId: gemeente.userId,
    },
    now,
  );
  await moveMergedDetails(tx, fromPolitie, fromGemeente);
  await updateCandidate(tx, fromPolitie, { merged_into_id: fromGemeente }, now);
  const reviewed = await candidate(
    3,
    'Samira Haddou',
    'politie',
    'under_review',
    'Marokkaans',
    'vrijwilliger',
  );
  await upsertAssessments(
    tx,
    reviewed,
    'politie',
    politie.userId,
    CRITERIA.map((criterion) => ({
      criterion,
      verdict: criterion === 'communicative' ? ('doubt' as const) : ('meets' as const),
      note: criterion === 'communicative' ? 'Fictief: spreekt liever één op één' : null,
    })),
    now,
  );
  await candidate(4, 'Gerrit Mulder', 'gemeente', 'visit_planned', 'Protestants', 'diaken in de wijkkerk');
  const visited = await candidate(
    5,
    'Hatice Demirtaş',
    'gemeente',
    'visited',
    'Turks',
    'leidt de vrouwengroep',
  );
  for (const party of ['gemeente', 'politie'] as const)
    await upsertAssessments(
      tx,
      visited,
      party,
      by(party).userId,
      CRITERIA.map((criterion) => ({ criterion, verdict: 'meets' as const, note: null })),
      now,
    );
  await upsertVisit(
    tx,
    {
      candidate_id: visited,
      visited_on: '2026-11-12',
      gemeente_visitor_id: gemeente.userId,
      politie_visitor_id: politie.userId,
      outcome: 'positive',
      note: 'Fictief: warm welkom, wil graag meedoen',
      article_1_accepted: true,
      confidentiality_accepted: true,
      crisis_availability_accepted: true,
      consent_date: '2026-11-12',
      legal_basis: 'consent',
      recorded_by_user_id: gemeente.userId,
    },
    now,
  );
  // The municipality approved; the police decide next (four eyes).
  await insertApproval(tx, { candidateId: visited, userId: gemeente.userId, party: 'gemeente' }, now);
  await candidate(6, 'Ruud Vermeer', 'politie', 'not_admitted', 'Ondernemers', 'eigen zakelijk belang');
  await candidate(7, 'Naima Ouchan', 'gemeente', 'on_hold', 'Jongeren', 'verhuist misschien');

  for (const ally of (await readPeopleOfNetwork(tx, network.id)).filter((p) => p.kind === 'ally'))
    await insertCandidate(
      tx,
      {
        networkId: network.id,
        displayName: ally.displayName,
        neighbourhoodId: ally.neighbourhood?.id ?? null,
        mobile: null,
        email: null,
        party: 'gemeente',
        proposedByUserId: null,
        motivation: null,
        communityIds: [],
        status: 'admitted',
        personId: ally.id,
        admittedBeforePipeline: true,
        decidedAt: now,
      },
      now,
    );
}
