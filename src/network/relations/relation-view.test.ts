import { describe, expect, it } from '@jest/globals';
import type { RelationRow } from './relation-store.js';
import { buildNetworkGraph, relationsFrom } from './relation-view.js';

function buildRelationRow(overrides: Partial<RelationRow> = {}): RelationRow {
  return {
    id: 'r1',
    typeId: 't1',
    label: 'is voorzitter van',
    inverseLabel: 'heeft als voorzitter',
    personId: 'p1',
    personName: 'Fictief Een',
    relatedPersonId: null,
    relatedPersonName: null,
    organisationId: 'o1',
    organisationName: 'Stichting Fictief',
    since: '2020-01-01',
    until: null,
    ...overrides,
  };
}
const person = (id: string, name: string) => ({
  id,
  displayName: name,
  kind: 'ally' as const,
  isProfessional: false,
  neighbourhood: null,
  communities: [{ id: 'c1', name: 'Jongeren', category: 'group' as const }],
});

describe('relationsFrom', () => {
  const knows = buildRelationRow({
    id: 'r2',
    label: 'kent',
    inverseLabel: 'kent',
    organisationId: null,
    organisationName: null,
    relatedPersonId: 'p2',
    relatedPersonName: 'Fictief Twee',
  });

  it('labels a relation in the direction it is read and greys ended ones', () => {
    const chair = buildRelationRow({ until: '2025-12-31' });
    expect(relationsFrom('p1', [chair], new Set(), '2026-11-23')[0]).toMatchObject({
      label: 'is voorzitter van',
      direction: 'outgoing',
      other: { kind: 'organisation', name: 'Stichting Fictief' },
      ended: true,
    });
    expect(relationsFrom('p2', [knows], new Set(['p1']), '2026-11-23')[0]).toMatchObject({
      label: 'kent',
      direction: 'incoming',
      other: { kind: 'person', id: 'p1', name: 'Fictief Een' },
      ended: false,
    });
  });

  it('hides the name of a person the caller may not see', () => {
    expect(relationsFrom('p1', [knows], new Set(), '2026-11-23')[0]?.other).toEqual({
      kind: 'person',
      id: 'p2',
      name: null,
    });
  });
});

describe('buildNetworkGraph', () => {
  it('links people to their communities and organisations, and leaves out people outside the network', () => {
    const graph = buildNetworkGraph(
      [person('p1', 'Fictief Een'), person('p2', 'Fictief Twee')],
      [
        buildRelationRow(),
        buildRelationRow({
          id: 'r2',
          organisationId: null,
          organisationName: null,
          relatedPersonId: 'p2',
          label: 'kent',
        }),
        buildRelationRow({
          id: 'r3',
          organisationId: null,
          organisationName: null,
          relatedPersonId: 'outsider',
          label: 'kent',
        }),
      ],
      '2026-11-23',
    );
    expect(graph.nodes.map((n) => n.id).sort()).toEqual([
      'community:c1',
      'organisation:o1',
      'person:p1',
      'person:p2',
    ]);
    expect(graph.edges.map((e) => e.id).sort()).toEqual(['p1>c1', 'p2>c1', 'r1', 'r2']);
  });
});
