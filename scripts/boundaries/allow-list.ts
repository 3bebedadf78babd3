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
  // Call-outs: one query per view or target list, joining the names and scopes it shows.
  ...foreignTables('src/call-outs/call-out-store.ts', "a call-out's places join setup's wijk names", [
    'areas',
  ]),
  ...foreignTables(
    'src/call-outs/call-out-view-store.ts',
    'the call-out views join wijk, community, ally and staff names in one paged query',
    ['areas', 'communities', 'people', 'users'],
  ),
  ...foreignTables(
    'src/call-outs/convene/convene-store.ts',
    "convening reads the 0009 tables mail's db-schema declares (call-outs writes them) and who comes, by name",
    ['call_out_meeting_mails', 'call_out_meetings', 'people', 'users'],
  ),
  ...foreignTables(
    'src/call-outs/delivery/delivery-store.ts',
    "the delivery worker's lease query picks recipients with a conversation reference (src/call-outs/delivery is another engineer's at the time)",
    ['conversation_references', 'users'],
  ),
  ...foreignTables(
    'src/call-outs/follow-up-store.ts',
    "follow-ups list each network's name and its next meeting in one query",
    ['meetings', 'networks'],
  ),
  ...foreignTables(
    'src/call-outs/past-call-out-store.ts',
    'past call-outs are filtered by network and wijk',
    ['areas', 'networks'],
  ),
  ...foreignTables(
    'src/call-outs/settings/settings-store.ts',
    "the crisis team is chosen among staff with roles and a conversation reference, under a municipality's row lock",
    ['conversation_references', 'municipalities', 'network_roles', 'networks', 'users'],
  ),
  ...foreignTables(
    'src/call-outs/start-form-store.ts',
    "the start form offers the caller's networks, wijken and communities",
    ['areas', 'communities', 'networks'],
  ),
  ...foreignTables(
    'src/call-outs/targeting/targeting-store.ts',
    'targeting selects recipients by wijk, community, network and role in one query',
    ['areas', 'communities', 'network_people', 'network_roles', 'networks', 'people', 'person_communities'],
  ),
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
];
