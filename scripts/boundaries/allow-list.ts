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
