/**
 * The demo's fictional networks: who works in each, its key figures and allies, and the communities the
 * coordinators marked relevant per neighbourhood. Every name is invented (see demo-data.ts).
 */

export interface DemoNetwork {
  name: string;
  district: string;
  status: 'starting' | 'active' | 'paused';
  foundedOn: string | null;
  staff: { key: string; role: 'coordinator' | 'member' | 'secretary' | 'viewer'; backup?: string }[];
  people: DemoPerson[];
  /** Wijk → communities the coordinators marked relevant there (some deliberately without an ally yet). */
  relevant: Record<string, string[]>;
}

export interface DemoPerson {
  name: string;
  kind: 'key_figure' | 'ally';
  communities: string[];
  professional?: boolean;
  wijk: string;
  ageBand: '18-24' | '25-34' | '35-44' | '45-54' | '55-64' | '65+';
  gender: 'female' | 'male' | 'non-binary' | null;
}

export const DEMO_NETWORKS: DemoNetwork[] = [
  {
    name: 'Bondgenoten Haven',
    district: 'Haven',
    status: 'active',
    foundedOn: '2019-03-14',
    staff: [
      { key: 'oov-haven', role: 'coordinator', backup: 'wijkagent-haven' },
      { key: 'wijkagent-haven', role: 'coordinator', backup: 'oov-haven' },
      { key: 'secretaris', role: 'secretary' },
    ],
    people: [
      {
        name: 'Yasmina el Ouali',
        kind: 'ally',
        communities: ['Marokkaans', 'Islamitisch'],
        wijk: 'Centrum Haven',
        ageBand: '35-44',
        gender: 'female',
      },
      {
        name: 'Harm-Jan Veldkamp',
        kind: 'ally',
        communities: ['Protestants', 'Buurtverenigingen'],
        wijk: 'De Werven',
        ageBand: '65+',
        gender: 'male',
      },
      {
        name: 'Esra Demirtaş-Kuipers',
        kind: 'ally',
        communities: ['Turks', 'Ondernemers'],
        wijk: 'Centrum Haven',
        ageBand: '45-54',
        gender: 'female',
      },
      {
        name: 'Roy Martina-Boelen',
        kind: 'ally',
        communities: ['Antilliaans', 'Sportverenigingen'],
        wijk: 'De Marken',
        ageBand: '25-34',
        gender: 'male',
      },
      {
        name: 'Noor Hagenaars',
        kind: 'ally',
        communities: ['LHBTI', 'Jongeren'],
        wijk: 'De Wierden',
        ageBand: '18-24',
        gender: 'non-binary',
      },
      {
        name: 'Ilse Brandsma',
        kind: 'key_figure',
        communities: ['Scholen'],
        wijk: 'De Velden',
        ageBand: '55-64',
        gender: 'female',
      },
      {
        name: 'Ravi Ramsaran-Tol',
        kind: 'key_figure',
        communities: ['Hindoestaans', 'Surinaams'],
        wijk: 'De Marken',
        ageBand: '45-54',
        gender: 'male',
      },
      {
        name: 'Bas Wolters',
        kind: 'key_figure',
        communities: ['Jongeren'],
        professional: true,
        wijk: 'De Wierden',
        ageBand: '25-34',
        gender: 'male',
      },
    ],
    relevant: {
      'Centrum Haven': ['Marokkaans', 'Turks', 'Islamitisch', 'Ondernemers'],
      'De Marken': ['Surinaams', 'Antilliaans', 'Hindoestaans'],
      'De Wierden': ['Jongeren', 'LHBTI'],
      'De Velden': ['Scholen'],
    },
  },
  {
    name: 'Bondgenoten Stad',
    district: 'Stad',
    status: 'active',
    foundedOn: '2020-01-22',
    staff: [
      { key: 'integratie-stad', role: 'coordinator' },
      { key: 'teamchef-stad', role: 'member' },
      { key: 'secretaris', role: 'secretary' },
    ],
    people: [
      {
        name: 'Abdelkarim Bennani-Vos',
        kind: 'ally',
        communities: ['Islamitisch', 'Marokkaans'],
        wijk: 'Stedenwijk',
        ageBand: '55-64',
        gender: 'male',
      },
      {
        name: 'Miriam Goudsmit-Lang',
        kind: 'ally',
        communities: ['Joods'],
        wijk: 'Muziekwijk',
        ageBand: '45-54',
        gender: 'female',
      },
      {
        name: 'Gerda Spijkerman',
        kind: 'ally',
        communities: ['Katholiek', 'Buurtverenigingen'],
        wijk: 'Waterwijk',
        ageBand: '65+',
        gender: 'female',
      },
      {
        name: 'Kwame Pinas',
        kind: 'ally',
        communities: ['Surinaams', 'Jongeren'],
        wijk: 'Kruidenwijk',
        ageBand: '25-34',
        gender: 'male',
      },
      {
        name: 'Lina Haddad',
        kind: 'key_figure',
        communities: ['Syrisch'],
        wijk: 'Stedenwijk',
        ageBand: '35-44',
        gender: 'female',
      },
      {
        name: 'Tom Verschuur',
        kind: 'key_figure',
        communities: ['Ondernemers'],
        wijk: 'Stadscentrum',
        ageBand: '45-54',
        gender: 'male',
      },
    ],
    relevant: {
      Stedenwijk: ['Islamitisch', 'Marokkaans', 'Syrisch'],
      Stadscentrum: ['Ondernemers', 'Jongeren'],
      Kruidenwijk: ['Surinaams', 'Jongeren'],
    },
  },
  {
    name: 'Bondgenoten Buiten',
    district: 'Buiten',
    status: 'starting',
    foundedOn: null,
    staff: [{ key: 'wijkagent-buiten', role: 'coordinator' }],
    people: [
      {
        name: 'Hatice Yıldız-Mulder',
        kind: 'ally',
        communities: ['Turks', 'Islamitisch'],
        wijk: 'Regenboogbuurt',
        ageBand: '35-44',
        gender: 'female',
      },
      {
        name: 'Sjoerd Kamminga',
        kind: 'ally',
        communities: ['Sportverenigingen'],
        wijk: 'Faunabuurt',
        ageBand: '55-64',
        gender: 'male',
      },
      {
        name: 'Priya Bhagwandin',
        kind: 'key_figure',
        communities: ['Hindoestaans'],
        wijk: 'Molenbuurt',
        ageBand: '25-34',
        gender: 'female',
      },
      {
        name: 'Marlon Doelwijt',
        kind: 'key_figure',
        communities: ['Surinaams', 'Jongeren'],
        wijk: 'Regenboogbuurt',
        ageBand: '18-24',
        gender: 'male',
      },
    ],
    relevant: {
      Regenboogbuurt: ['Turks', 'Surinaams', 'Jongeren'],
      Molenbuurt: ['Hindoestaans'],
    },
  },
];
