import { describe, expect, it } from '@jest/globals';
import type { NetworkGraph } from '../api/insight-endpoints.js';
import { connectionsByNode, filterGraph, kindOf, personIdOf, sortNodes } from './graph-model.js';

const WIJK_A = '00000000-0000-4000-8000-000000000001';
const WIJK_B = '00000000-0000-4000-8000-000000000002';
const TURKS = '00000000-0000-4000-8000-0000000000a1';
const JONGEREN = '00000000-0000-4000-8000-0000000000a2';

const person = (
  id: string,
  label: string,
  kind: 'ally' | 'key_figure',
  wijk: string,
  communities: string[],
) => ({
  id: `person:${id}`,
  kind: 'person' as const,
  label,
  personKind: kind,
  neighbourhoodId: wijk,
  communityIds: communities,
});
const community = (id: string, label: string) => ({
  id: `community:${id}`,
  kind: 'community' as const,
  label,
  personKind: null,
  neighbourhoodId: null,
  communityIds: [id],
});

const graph: NetworkGraph = {
  nodes: [
    person('p1', 'Esra', 'ally', WIJK_A, [TURKS]),
    person('p2', 'Bas', 'key_figure', WIJK_B, [JONGEREN]),
    community(TURKS, 'Turks'),
    community(JONGEREN, 'Jongeren'),
    {
      id: 'organisation:o1',
      kind: 'organisation',
      label: 'De Loods',
      personKind: null,
      neighbourhoodId: null,
      communityIds: [],
    },
  ],
  edges: [
    {
      id: 'e1',
      source: 'person:p1',
      target: `community:${TURKS}`,
      kind: 'member-of',
      label: null,
      ended: false,
    },
    {
      id: 'e2',
      source: 'person:p2',
      target: `community:${JONGEREN}`,
      kind: 'member-of',
      label: null,
      ended: false,
    },
    {
      id: 'e3',
      source: 'person:p2',
      target: 'organisation:o1',
      kind: 'relation',
      label: 'werkt bij',
      ended: true,
    },
  ],
};

describe('filterGraph', () => {
  it('keeps everything without filters', () => {
    expect(filterGraph(graph, { neighbourhoodId: null, communityId: null })).toBe(graph);
  });

  it('narrows to the community’s people, the community itself and what those people link to', () => {
    const shown = filterGraph(graph, { neighbourhoodId: null, communityId: JONGEREN });
    expect(shown.nodes.map((node) => node.label)).toEqual(['Bas', 'Jongeren', 'De Loods']);
    expect(shown.edges.map((edge) => edge.id)).toEqual(['e2', 'e3']);
  });

  it('narrows to a wijk’s people with their communities', () => {
    const shown = filterGraph(graph, { neighbourhoodId: WIJK_A, communityId: null });
    expect(shown.nodes.map((node) => node.label)).toEqual(['Esra', 'Turks']);
  });
});

describe('connectionsByNode, kindOf, personIdOf and sortNodes', () => {
  it('lists each connection at both ends, marking the direction the label reads', () => {
    const connections = connectionsByNode(graph);
    expect(connections.get('organisation:o1')).toEqual([
      { edge: graph.edges[2], other: 'Bas', outgoing: false },
    ]);
    expect(connections.get('person:p2')?.map((c) => c.other)).toEqual(['De Loods', 'Jongeren']);
  });

  it('names kinds, person ids and the list order', () => {
    expect(graph.nodes.map(kindOf)).toEqual(['ally', 'key_figure', 'community', 'community', 'organisation']);
    expect(personIdOf(graph.nodes[0] as NetworkGraph['nodes'][number])).toBe('p1');
    expect(personIdOf(graph.nodes[2] as NetworkGraph['nodes'][number])).toBeNull();
    expect(sortNodes(graph.nodes).map((node) => node.label)).toEqual([
      'Esra',
      'Bas',
      'Jongeren',
      'Turks',
      'De Loods',
    ]);
  });
});
