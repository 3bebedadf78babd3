import type { Transaction } from 'kysely';
import { insertEvaluation, upsertSchedule } from '../../evaluation/evaluation-store.js';
import { insertFarewell } from '../../network/farewell/farewell-store.js';
import { readActiveNetworkDates, readPeopleOfNetwork } from '../../network/index.js';
import { insertPerson } from '../../network/people/people-store.js';
import type { Database } from '../../platform/db/schema.js';

/** The demo network that shows the ally's way out: Buiten (Haven's figures stay as the tests know them). */
const NETWORK = 'Bondgenoten Buiten';

/**
 * Demo data of the farewell and the half-yearly evaluation (fictional people): in Buiten a past evaluation that
 * said goodbye to one ally, her recorded farewell, and the next evaluation due six months after it.
 */
export async function seedEvaluationDemo(tx: Transaction<Database>, municipalityId: string): Promise<void> {
  const network = (await readActiveNetworkDates(tx)).find((n) => n.name === NETWORK);
  if (!network) return;
  const formerId = await insertPerson(tx, municipalityId, network.id, {
    displayName: 'Wendela Kortenhoeven',
    kind: 'ally',
    isProfessional: false,
    neighbourhoodId: null,
    communityIds: [],
    preferredChannel: null,
    languages: [],
    ageBand: '55-64',
    gender: 'female',
    legalBasis: 'consent',
    consentDate: '2024-03-01',
  });
  const allies = (await readPeopleOfNetwork(tx, network.id)).filter((p) => p.kind === 'ally');
  const evaluationId = await insertEvaluation(
    tx,
    {
      networkId: network.id,
      periodFrom: '2026-01-01',
      periodTo: '2026-06-24',
      heldOn: '2026-06-24',
      mixNote: 'Nog geen jongeren aan tafel; de wijkagent vraagt rond bij de sportclub.',
      gapsNote: null,
      generalNote: 'Goede opkomst; iedereen wil door behalve Wendela, die gaat verhuizen.',
      coverageGaps: 0,
      recordedBy: null,
    },
    allies.map((ally) => ({
      person_id: ally.id,
      decision: ally.id === formerId ? ('goodbye' as const) : ('continue' as const),
      note: ally.id === formerId ? 'Verhuist in juli naar Zeeland.' : null,
      meetings_held: 3,
      meetings_attended: ally.id === formerId ? 1 : 3,
      call_outs: 0,
      call_outs_reached: 0,
    })),
    new Date('2026-06-24T18:00:00Z'),
  );
  await insertFarewell(
    tx,
    {
      personId: formerId,
      kindBefore: 'ally',
      kindAfter: 'former_ally',
      recordedBy: null,
      farewell: {
        endedOn: '2026-07-01',
        reason: 'moved',
        reasonNote: 'Verhuisd naar Zeeland; bedankt met bloemen tijdens het overleg.',
        thanked: true,
        evaluationId,
      },
    },
    new Date('2026-07-01T12:00:00Z'),
  );
  await upsertSchedule(tx, network.id, '2026-12-24', new Date('2026-06-24T18:00:00Z'));
}
