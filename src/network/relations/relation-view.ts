import type { PersonSummary } from '../schemas.js';
import type { NetworkGraph, Relation } from './relation-schemas.js';
import type { RelationRow } from './relation-store.js';

/** A relation has ended when its `until` lies before today (dates compared as YYYY-MM-DD). */
export function hasEnded(until: string | null, today: string): boolean {
  return until !== null && until < today;
}

/**
 * The relations of one person, each labelled as read from that person ("chairs" or "chaired by").
 * The other person's name is shown only when the caller may see them. Pure.
 */
export function relationsFrom(
  personId: string,
  rows: RelationRow[],
  visiblePeople: ReadonlySet<string>,
  today: string,
): Relation[] {
  return rows
    .filter((row) => row.personId === personId || row.relatedPersonId === personId)
    .map((row) => {
      const outgoing = row.personId === personId;
      const other = row.organisationId
        ? { kind: 'organisation' as const, id: row.organisationId, name: row.organisationName }
        : outgoing
          ? { kind: 'person' as const, id: row.relatedPersonId as string, name: row.relatedPersonName }
          : { kind: 'person' as const, id: row.personId, name: row.personName };
      const hidden = other.kind === 'person' && !visiblePeople.has(other.id);
      return {
        id: row.id,
        typeId: row.typeId,
        label: outgoing ? row.label : row.inverseLabel,
        direction: outgoing ? ('outgoing' as const) : ('incoming' as const),
        other: { ...other, name: hidden ? null : other.name },
        since: row.since,
        until: row.until,
        ended: hasEnded(row.until, today),
      };
    });
}

/**
 * The graph of one network: its people, their communities, the organisations they relate to, and
 * the relations among them. Relations to people outside the network are left out (need-to-know). Pure.
 */
export function buildNetworkGraph(people: PersonSummary[], rows: RelationRow[], today: string): NetworkGraph {
  const inNetwork = new Set(people.map((p) => p.id));
  const nodes = new Map<string, NetworkGraph['nodes'][number]>();
  const edges: NetworkGraph['edges'] = [];
  for (const person of people) {
    nodes.set(`person:${person.id}`, {
      id: `person:${person.id}`,
      kind: 'person',
      label: person.displayName,
      personKind: person.kind,
      neighbourhoodId: person.neighbourhood?.id ?? null,
      communityIds: person.communities.map((c) => c.id),
    });
    for (const community of person.communities) {
      const id = `community:${community.id}`;
      if (!nodes.has(id)) {
        nodes.set(id, {
          id,
          kind: 'community',
          label: community.name,
          personKind: null,
          neighbourhoodId: null,
          communityIds: [community.id],
        });
      }
      edges.push({
        id: `${person.id}>${community.id}`,
        source: `person:${person.id}`,
        target: id,
        kind: 'member-of',
        label: null,
        ended: false,
      });
    }
  }
  for (const row of rows) {
    if (!inNetwork.has(row.personId)) continue;
    if (row.relatedPersonId && !inNetwork.has(row.relatedPersonId)) continue;
    const target = row.organisationId
      ? `organisation:${row.organisationId}`
      : `person:${row.relatedPersonId}`;
    if (row.organisationId && !nodes.has(target)) {
      nodes.set(target, {
        id: target,
        kind: 'organisation',
        label: row.organisationName ?? '',
        personKind: null,
        neighbourhoodId: null,
        communityIds: [],
      });
    }
    edges.push({
      id: row.id,
      source: `person:${row.personId}`,
      target,
      kind: 'relation',
      label: row.label,
      ended: hasEnded(row.until, today),
    });
  }
  return { nodes: [...nodes.values()], edges };
}
