import { describe, expect, it } from '@jest/globals';
import { buildCrisisSheet, type StaffForSheet } from './crisis-sheet.js';
import type { PersonWithContacts } from './export-store.js';

function buildPerson(overrides: Partial<PersonWithContacts> = {}): PersonWithContacts {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    displayName: 'Fictief',
    kind: 'ally',
    isProfessional: false,
    neighbourhood: 'De Velden',
    communities: ['Scholen'],
    mobile: '+31600001234',
    email: null,
    following: null,
    preferredChannel: 'phone',
    languages: [],
    availability: 'Overdag',
    ageBand: null,
    gender: null,
    legalBasis: 'consent',
    consentDate: '2025-01-15',
    ...overrides,
  };
}

const MUNICIPALITY_TENANT = '00000000-0000-4000-8000-0000000000a1';
const POLICE_TENANT = '00000000-0000-4000-8000-0000000000b2';

function buildStaff(overrides: Partial<StaffForSheet> = {}): StaffForSheet {
  return {
    displayName: 'Fictieve Adviseur',
    tenantId: MUNICIPALITY_TENANT,
    organisation: 'gemeente',
    jobTitle: 'Adviseur openbare orde en veiligheid',
    phone: null,
    role: 'coordinator',
    backup: null,
    ...overrides,
  };
}

describe('buildCrisisSheet', () => {
  it('lists staff with back-ups, then allies and key figures by name, without former allies', () => {
    const sheet = buildCrisisSheet({
      network: { id: '00000000-0000-4000-8000-0000000000n1', name: 'Fictief Netwerk' },
      municipality: 'Almere',
      staff: [
        buildStaff({
          displayName: 'Wijkagent Fictief',
          tenantId: POLICE_TENANT,
          organisation: 'politie',
          phone: '+31 6 0000 0201',
          backup: { displayName: 'Adviseur Fictief', phone: '+31 6 0000 0202' },
        }),
        buildStaff({ displayName: 'Adviseur Fictief', phone: '+31 6 0000 0202' }),
      ],
      people: [
        buildPerson({ displayName: 'Özlem Fictief' }),
        buildPerson({ displayName: 'Anna Fictief' }),
        buildPerson({ displayName: 'Oud Fictief', kind: 'former_ally' }),
        buildPerson({ displayName: 'Zeger Fictief', kind: 'key_figure', mobile: null }),
      ],
      now: new Date('2026-03-01T08:00:00Z'),
    });
    expect(sheet.generatedAt).toBe('2026-03-01T08:00:00.000Z');
    expect(sheet.staff.map((s) => [s.displayName, s.phone, s.backup, s.backupPhone])).toEqual([
      ['Adviseur Fictief', '+31 6 0000 0202', null, null],
      ['Wijkagent Fictief', '+31 6 0000 0201', 'Adviseur Fictief', '+31 6 0000 0202'],
    ]);
    // Each keeps their tenant, by which the tab names their organisation.
    expect(sheet.staff.map((s) => [s.tenantId, s.organisation])).toEqual([
      [MUNICIPALITY_TENANT, 'gemeente'],
      [POLICE_TENANT, 'politie'],
    ]);
    expect(sheet.allies.map((p) => p.displayName)).toEqual(['Anna Fictief', 'Özlem Fictief']);
    expect(sheet.allies[0]).toEqual({
      displayName: 'Anna Fictief',
      mobile: '+31600001234',
      preferredChannel: 'phone',
      communities: ['Scholen'],
      neighbourhood: 'De Velden',
      availability: 'Overdag',
    });
    expect(sheet.keyFigures).toEqual([
      expect.objectContaining({ displayName: 'Zeger Fictief', mobile: null }),
    ]);
  });
});
