import type { PersonWithContacts } from './export-store.js';
import type { CrisisContact, CrisisSheet } from './transfer-schemas.js';

/** A staff member as the network store reads them. */
export interface StaffForSheet {
  displayName: string;
  /** The Entra tenant they sign in from (its configured name names their organisation). */
  tenantId: string;
  organisation: 'gemeente' | 'politie' | null;
  jobTitle: string | null;
  phone: string | null;
  role: 'coordinator' | 'member' | 'secretary' | 'viewer';
  backup: { displayName: string; phone: string | null } | null;
  /** Absent today (continuity): the last day of the absence. */
  absentUntil?: string | null;
}

const byName = (a: { displayName: string }, b: { displayName: string }) =>
  a.displayName.localeCompare(b.displayName, 'nl');

function contactOf(person: PersonWithContacts): CrisisContact {
  return {
    displayName: person.displayName,
    mobile: person.mobile,
    preferredChannel: person.preferredChannel,
    communities: person.communities,
    neighbourhood: person.neighbourhood,
    availability: person.availability,
  };
}

/**
 * The crisis sheet: staff with their back-ups, then allies and key figures, each sorted by name the
 * Dutch way. Former allies are left off: in a crisis they are not the ones to call. Pure.
 */
export function buildCrisisSheet(input: {
  network: { id: string; name: string };
  municipality: string;
  staff: readonly StaffForSheet[];
  people: readonly PersonWithContacts[];
  now: Date;
}): CrisisSheet {
  const contacts = (kind: PersonWithContacts['kind']) =>
    input.people
      .filter((person) => person.kind === kind)
      .map(contactOf)
      .sort(byName);
  return {
    network: input.network,
    municipality: input.municipality,
    generatedAt: input.now.toISOString(),
    staff: [...input.staff].sort(byName).map((member) => ({
      displayName: member.displayName,
      tenantId: member.tenantId,
      organisation: member.organisation,
      jobTitle: member.jobTitle,
      phone: member.phone,
      role: member.role,
      backup: member.backup?.displayName ?? null,
      backupPhone: member.backup?.phone ?? null,
      absentUntil: member.absentUntil ?? null,
    })),
    allies: contacts('ally'),
    keyFigures: contacts('key_figure'),
  };
}
