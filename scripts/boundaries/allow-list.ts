import type { AllowedViolation } from './rules.js';

const ISSUE = 'issue 14';

/** Allow-list entries for one store reading tables another capability declares, with why it still does. */
function foreignTables(from: string, reason: string, tables: readonly string[]): AllowedViolation[] {
  return tables.map((to) => ({ rule: 'tables-owned-by-stores', from, to, issue: `${ISSUE}: ${reason}` }));
}

/**
 * Imports that break a boundary rule today, each with the issue that removes it. An entry covers the
 * violations whose importing file starts with `from` and imported file with `to` (for `tables-owned-by-stores`:
 * the store and the table). The check fails when an entry covers nothing any more, so this list only shrinks;
 * never add to it without naming the issue.
 */
export const ALLOWED: AllowedViolation[] = [
  // Continuity, identity, selection, signals: one join each for a name or a scope.
  ...foreignTables('src/continuity/absence-store.ts', "absences show the staff member's name", ['users']),
  ...foreignTables(
    'src/identity/resource-facts-store.ts',
    "a person's networks decide access to the person",
    ['network_people'],
  ),
  ...foreignTables('src/identity/role-store.ts', "roles are listed with their network's name and status", [
    'networks',
  ]),
  ...foreignTables('src/identity/user-store.ts', "a user's networks are read with their names", ['networks']),
  ...foreignTables('src/selection/person-data-store.ts', "a candidate's data names the network", [
    'networks',
  ]),
  ...foreignTables(
    'src/selection/selection-store.ts',
    'candidates are listed with wijk and community names',
    ['areas', 'communities'],
  ),
  ...foreignTables('src/signals/person-data-store.ts', "a person's signals data is scoped to the person", [
    'people',
  ]),
  // Network: the map joins setup's wijken and communities for names and the municipality scope.
  ...foreignTables(
    'src/network/areas/area-store.ts',
    "the areas view joins setup's areas, communities and municipality with the staff of each network",
    ['areas', 'communities', 'municipalities', 'neighbourhood_communities', 'network_roles', 'users'],
  ),
  ...foreignTables(
    'src/network/insight/insight-store.ts',
    "a person's history reads the audit journal; coverage joins communities and staff names",
    ['audit_events', 'audit_journal', 'communities', 'users'],
  ),
  ...foreignTables(
    'src/network/management/management-store.ts',
    "management checks a network's wijk and municipality and keeps communities and ally limits (setup imports network's parsers: a port is needed)",
    ['areas', 'communities', 'municipalities'],
  ),
  ...foreignTables('src/network/page/network-list-store.ts', "the network list shows each network's wijk", [
    'areas',
  ]),
  ...foreignTables('src/network/page/network-store.ts', 'the network page reads its wijk and communities', [
    'areas',
    'communities',
    'neighbourhood_communities',
  ]),
  ...foreignTables('src/network/people/people-store.ts', 'people are shown with wijk and community names', [
    'areas',
    'communities',
  ]),
  ...foreignTables(
    'src/network/relations/relation-store.ts',
    'relations are shown with their type and organisation',
    ['organisations', 'relation_types'],
  ),
  ...foreignTables('src/network/transfer/export-store.ts', 'the export writes wijk and community names', [
    'areas',
    'communities',
  ]),
  ...foreignTables(
    'src/network/transfer/import-store.ts',
    "the import resolves wijk names to setup's areas",
    ['areas'],
  ),
  // Setup: delete-if-unused counts what other capabilities hold.
  ...foreignTables(
    'src/setup/area-store.ts',
    'an area is deleted only if no network, person or call-out names it',
    ['call_out_places', 'networks', 'people'],
  ),
  ...foreignTables(
    'src/setup/catalogue/catalogue-store.ts',
    'an organisation or relation type shows how many relations and people use it',
    ['person_organisations', 'relations'],
  ),
  ...foreignTables(
    'src/setup/setup-status-store.ts',
    'the first-run checklist counts networks, staff and the crisis team',
    ['call_out_crisis_team', 'network_roles', 'networks'],
  ),
];
