/**
 * The fictional demo municipality. The areas are Almere's real districts and neighbourhoods (public
 * geography, from seed 000); every person, organisation, phone number and e-mail address is invented.
 * Phone numbers come from a block reserved for fiction (demo-phones.ts) and mail addresses use
 * example.org: neither reaches anyone.
 */

import type { ObservanceTradition } from '../../meetings/constants.js';
import { demoMobile } from './demo-phones.js';

export type { DemoNetwork, DemoPerson } from './demo-networks.js';
export { DEMO_NETWORKS } from './demo-networks.js';

/** Tenant of the demo staff: a placeholder GUID, never a real Entra tenant. */
export const DEMO_TENANT_ID = '00000000-0000-4000-8000-0000000000a1';

export const DEMO_MUNICIPALITY = {
  name: 'Almere',
  cbsCode: 'GM0034',
  latitude: 52.3508,
  longitude: 5.2647,
} as const;

/** District (stadsdeel) → neighbourhoods (wijken). */
export const DEMO_DISTRICTS: Record<string, string[]> = {
  Haven: ['Centrum Haven', 'De Werven', 'De Wierden', 'De Marken', 'De Velden'],
  Stad: ['Stadscentrum', 'Muziekwijk', 'Filmwijk', 'Waterwijk', 'Stedenwijk', 'Kruidenwijk'],
  Buiten: ['Regenboogbuurt', 'Oostvaardersbuurt', 'Faunabuurt', 'Bloemenbuurt', 'Molenbuurt'],
  Poort: ['Europakwartier', 'Homeruskwartier', 'Columbuskwartier'],
  Hout: ['Nobelhorst', 'Vogelhorst', 'Overgooi'],
};

export const DEMO_COMMUNITIES: {
  name: string;
  category: 'religion' | 'origin' | 'group';
  /** Observances the meeting planner respects for this community, set explicitly (never from the name). */
  traditions?: ObservanceTradition[];
}[] = [
  { name: 'Islamitisch', category: 'religion', traditions: ['islamic'] },
  { name: 'Joods', category: 'religion', traditions: ['jewish'] },
  { name: 'Katholiek', category: 'religion', traditions: ['christian'] },
  { name: 'Protestants', category: 'religion', traditions: ['christian'] },
  { name: 'Hindoestaans', category: 'religion', traditions: ['hindu', 'keti-koti'] },
  { name: 'Turks', category: 'origin', traditions: ['islamic'] },
  { name: 'Marokkaans', category: 'origin', traditions: ['islamic'] },
  { name: 'Surinaams', category: 'origin', traditions: ['keti-koti'] },
  { name: 'Antilliaans', category: 'origin', traditions: ['keti-koti'] },
  { name: 'Syrisch', category: 'origin', traditions: ['islamic'] },
  { name: 'Jongeren', category: 'group' },
  { name: 'LHBTI', category: 'group' },
  { name: 'Sportverenigingen', category: 'group' },
  { name: 'Ondernemers', category: 'group' },
  { name: 'Scholen', category: 'group' },
  { name: 'Buurtverenigingen', category: 'group' },
];

/** Fictional organisations; `kind` is the administrator's own word, shown as is in the tab. */
export const DEMO_ORGANISATIONS: { name: string; kind: string }[] = [
  { name: 'Stichting Buurthuis De Schakel', kind: 'stichting' },
  { name: 'Moskee Al-Fajr (fictief)', kind: 'moskee' },
  { name: 'Protestantse Gemeente De Ark (fictief)', kind: 'kerk' },
  { name: 'Voetbalvereniging Almere Haven Noord (fictief)', kind: 'sportvereniging' },
  { name: 'Ondernemersvereniging Stadshart (fictief)', kind: 'ondernemersvereniging' },
  { name: 'Jongerencentrum De Loods (fictief)', kind: 'jongerencentrum' },
];

export interface DemoStaff {
  key: string;
  displayName: string;
  organisation: 'gemeente' | 'politie';
  jobTitle: string;
  objectId: string;
  /** Fictional work number from the same reserved block as the demo people (demo-phones.ts). */
  phone: string;
}

/** Staff who can sign in locally; object ids are placeholders in the demo tenant. */
export const DEMO_STAFF: DemoStaff[] = [
  {
    key: 'beheerder',
    displayName: 'Anouk Terpstra',
    organisation: 'gemeente',
    jobTitle: 'Functioneel beheerder Bondgenoten',
    objectId: '00000000-0000-4000-8000-000000000100',
    phone: demoMobile(81),
  },
  {
    key: 'oov-haven',
    displayName: 'Sanne Verhoef',
    organisation: 'gemeente',
    jobTitle: 'Adviseur openbare orde en veiligheid',
    objectId: '00000000-0000-4000-8000-000000000101',
    phone: demoMobile(82),
  },
  {
    key: 'wijkagent-haven',
    displayName: 'Joris Amrani',
    organisation: 'politie',
    jobTitle: 'Wijkagent Haven',
    objectId: '00000000-0000-4000-8000-000000000102',
    phone: demoMobile(83),
  },
  {
    key: 'secretaris',
    displayName: 'Petra Lindeboom',
    organisation: 'gemeente',
    jobTitle: 'Secretaris bondgenotenoverleg',
    objectId: '00000000-0000-4000-8000-000000000103',
    phone: demoMobile(84),
  },
  {
    key: 'teamchef-stad',
    displayName: 'Mehmet Kaya-de Bruin',
    organisation: 'politie',
    jobTitle: 'Teamchef basisteam Stad',
    objectId: '00000000-0000-4000-8000-000000000104',
    phone: demoMobile(85),
  },
  {
    key: 'integratie-stad',
    displayName: 'Fleur Oosterhout',
    organisation: 'gemeente',
    jobTitle: 'Beleidsmedewerker integratie',
    objectId: '00000000-0000-4000-8000-000000000105',
    phone: demoMobile(86),
  },
  {
    key: 'wijkagent-buiten',
    displayName: 'Dewi Sastromedjo',
    organisation: 'politie',
    jobTitle: 'Wijkagent Buiten',
    objectId: '00000000-0000-4000-8000-000000000106',
    phone: demoMobile(87),
  },
];

/** Relation types every municipality starts with, labelled both ways. */
export const DEMO_RELATION_TYPES: {
  label: string;
  inverseLabel: string;
  targetKind: 'person' | 'organisation';
}[] = [
  { label: 'is voorzitter van', inverseLabel: 'heeft als voorzitter', targetKind: 'organisation' },
  { label: 'is bestuurslid van', inverseLabel: 'heeft als bestuurslid', targetKind: 'organisation' },
  { label: 'werkt bij', inverseLabel: 'heeft als medewerker', targetKind: 'organisation' },
  { label: 'kent', inverseLabel: 'kent', targetKind: 'person' },
  { label: 'is familie van', inverseLabel: 'is familie van', targetKind: 'person' },
];

/** Fictional relations among the demo people and organisations (one ended, to show it greyed). */
export const DEMO_RELATIONS: {
  from: string;
  type: string;
  toPerson?: string;
  toOrganisation?: string;
  since: string;
  until?: string;
}[] = [
  {
    from: 'Yasmina el Ouali',
    type: 'is bestuurslid van',
    toOrganisation: 'Moskee Al-Fajr (fictief)',
    since: '2018-09-01',
  },
  {
    from: 'Harm-Jan Veldkamp',
    type: 'is voorzitter van',
    toOrganisation: 'Protestantse Gemeente De Ark (fictief)',
    since: '2015-01-01',
  },
  {
    from: 'Roy Martina-Boelen',
    type: 'is voorzitter van',
    toOrganisation: 'Voetbalvereniging Almere Haven Noord (fictief)',
    since: '2021-06-01',
  },
  {
    from: 'Bas Wolters',
    type: 'werkt bij',
    toOrganisation: 'Jongerencentrum De Loods (fictief)',
    since: '2019-03-01',
  },
  {
    from: 'Noor Hagenaars',
    type: 'is bestuurslid van',
    toOrganisation: 'Jongerencentrum De Loods (fictief)',
    since: '2020-01-01',
    until: '2024-12-31',
  },
  { from: 'Yasmina el Ouali', type: 'kent', toPerson: 'Esra Demirtaş-Kuipers', since: '2010-01-01' },
  {
    from: 'Esra Demirtaş-Kuipers',
    type: 'is bestuurslid van',
    toOrganisation: 'Ondernemersvereniging Stadshart (fictief)',
    since: '2022-01-01',
  },
];

/** The demo's functional administrator (manages roles and reads the audit trail). */
export const DEMO_ADMINISTRATOR_KEY = 'beheerder';

/**
 * Fictional meeting data for Haven: the municipality's school holiday region (Almere lies in region
 * midden), meeting settings, neutral locations, allies willing to chair and three held meetings with
 * their records, one with an open action. Planning the next ones is left to the demo user.
 */
export const DEMO_MEETINGS = {
  region: 'midden' as const,
  network: 'Bondgenoten Haven',
  weekdays: [2, 4],
  mealArrangements: 'Gezamenlijke maaltijd, om beurten verzorgd door een bondgenoot (fictief)',
  locations: [
    { name: 'Buurthuis De Schakel (fictief)', address: 'Fictieve Havenstraat 1', kind: 'community-centre' },
    { name: 'Politiebureau Haven (fictief)', address: 'Fictieve Kade 2', kind: 'police-station' },
    { name: 'Stadhuis Almere (fictief)', address: 'Fictief Stadhuisplein 1', kind: 'town-hall' },
  ] as const,
  chairs: ['Yasmina el Ouali', 'Harm-Jan Veldkamp', 'Roy Martina-Boelen'],
  /** Local dates at 18:00 (summer time, so 16:00 UTC). */
  held: [
    { date: '2026-05-19', chair: 'Yasmina el Ouali', location: 0, mood: 4, themes: ['kennismaking'] },
    {
      date: '2026-07-07',
      chair: 'Harm-Jan Veldkamp',
      location: 1,
      mood: 4,
      themes: ['kennismaking', 'jongeren'],
    },
    {
      date: '2026-09-22',
      chair: 'Roy Martina-Boelen',
      location: 2,
      mood: 3,
      themes: ['polarisatie', 'armoede'],
      action: {
        description: 'Terugkoppeling aan de jongerenwerkers over de zorgen in de wijk',
        owner: 'oov-haven',
      },
    },
  ],
};
