import type { Transaction } from 'kysely';
import { readNetworkStaff } from '../../identity/index.js';
import {
  readActiveNetworks,
  readNetwork,
  readNetworkNeighbourhoods,
  readPeopleOfNetwork,
} from '../../network/index.js';
import type { Database } from '../../platform/db/schema.js';
import { addDays, localDate } from '../../platform/time.js';
import { SIGNAL_CHANNELS, SIGNAL_FOLLOW_UP_DAYS, type SignalUrgency } from '../../signals/constants.js';
import { insertSignal, updateFollowUp } from '../../signals/signal-store.js';

/** The network whose demo signals fill the thermometer (its coordinator Dewi and the administrator see them). */
export const DEMO_SIGNALS_NETWORK = 'Bondgenoten Buiten';

/** Fictional, short signal texts per theme. */
const TEXTS: Record<string, string[]> = {
  overlast: [
    'Fictief: hangjongeren bij het winkelcentrum, bewoners voelen zich onveilig',
    'Fictief: geluidsoverlast na middernacht bij het pleintje',
  ],
  armoede: [
    'Fictief: meer gezinnen bij de voedselbank dan vorig jaar',
    'Fictief: ouders kunnen het schoolreisje niet betalen',
  ],
  polarisatie: [
    'Fictief: felle discussie in een buurtapp over de nieuwe opvang',
    'Fictief: pamfletten tegen de moskee in de brievenbussen',
  ],
  discriminatie: [
    'Fictief: jongeren geweigerd bij de sportschool',
    'Fictief: scheldpartij tegen een vrouw met hoofddoek',
  ],
  jongeren: [
    'Fictief: groep jongeren zoekt een plek om te sporten',
    'Fictief: zorgen over jongeren die met scooters rondrijden',
  ],
  pesten: ['Fictief: kind wordt op school gepest om zijn geloof'],
  sluikstorten: ['Fictief: afval gedumpt achter de flat, ratten gezien'],
  veiligheidsgevoel: ["Fictief: ouderen durven 's avonds niet meer over straat"],
  spanningen: ['Fictief: spanning tussen twee families na een ruzie'],
};
const THEMES = Object.keys(TEXTS);

/** A small deterministic generator (mulberry32), so every demo run draws the same signals. */
function generator(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Fictional signals over the last twelve months in one demo network, through the signals store: more about
 * armoede and overlast as winter comes, a peak of polarisatie in the spring, follow-ups mostly done and fed
 * back, the recent ones open (two overdue). Returns how many it wrote.
 */
export async function seedDemoSignals(tx: Transaction<Database>, now: Date): Promise<number> {
  const summary = (await readActiveNetworks(tx)).find((n) => n.name === DEMO_SIGNALS_NETWORK);
  const network = summary ? await readNetwork(tx, summary.id) : undefined;
  if (!network) return 0;
  const [wijken, people, staff] = await Promise.all([
    readNetworkNeighbourhoods(tx, network.area),
    readPeopleOfNetwork(tx, network.id),
    readNetworkStaff(tx, network.id),
  ]);
  const owner = staff[0]?.userId;
  if (!owner || wijken.length === 0) return 0;
  const random = generator(17);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  let count = 0;
  for (let daysAgo = 360; daysAgo >= 1; daysAgo -= 1 + Math.floor(random() * 3)) {
    const receivedAt = new Date(now.getTime() - daysAgo * 86_400_000 + Math.floor(random() * 8) * 3_600_000);
    const month = receivedAt.getUTCMonth();
    const winter = month >= 10 || month <= 1;
    const spring = month >= 3 && month <= 4;
    let theme = pick(THEMES);
    if (winter && random() < 0.4) theme = pick(['armoede', 'overlast']);
    if (spring && random() < 0.35) theme = 'polarisatie';
    const urgency: SignalUrgency = random() < 0.08 ? 'urgent' : random() < 0.35 ? 'attention' : 'information';
    const wijk = wijken[Math.floor(random() ** 1.6 * Math.min(wijken.length, 5))] ?? wijken[0];
    const person = random() < 0.2 ? null : pick(people);
    const id = await insertSignal(
      tx,
      {
        networkId: network.id,
        receivedAt,
        receivedBy: owner,
        personId: person?.id ?? null,
        channel: pick(SIGNAL_CHANNELS),
        urgency,
        wijkIds: wijk ? [wijk.id] : [],
        communityIds: [],
        themes: [theme],
        body: pick(TEXTS[theme] ?? ['Fictief signaal']),
        assessment: null,
        createdBy: owner,
        createdAt: receivedAt,
      },
      addDays(localDate(receivedAt), SIGNAL_FOLLOW_UP_DAYS),
    );
    const dueOn = addDays(localDate(receivedAt), SIGNAL_FOLLOW_UP_DAYS);
    if (daysAgo > 25) {
      const notTakenUp = random() < 0.1;
      await updateFollowUp(
        tx,
        id,
        {
          ownerUserId: owner,
          status: notTakenUp ? 'not_taken_up' : 'done',
          actions: notTakenUp ? null : 'Fictief: doorgezet naar het wijkteam',
          notTakenUpReason: notTakenUp ? 'Fictief: hoort bij de woningcorporatie, melder doorverwezen' : null,
          dueOn,
          fedBackOn: addDays(localDate(receivedAt), 3 + Math.floor(random() * 10)),
        },
        owner,
        receivedAt,
      );
    }
    // The rest stay open; those past their due date show as overdue on the network page.
    count++;
  }
  return count;
}
