import type { NetworkGraph } from '../api/insight-endpoints.js';

type GraphNode = NetworkGraph['nodes'][number];
type GraphEdge = NetworkGraph['edges'][number];

/** What a node is, as the legend, the shapes and the list name it. */
export type NodeKind =
  | 'ally'
  | 'key_figure'
  | 'former_ally'
  | 'former_key_figure'
  | 'organisation'
  | 'community';

/** The node's kind: a person's kind (ally, key figure, former ally), else organisation or community. */
export function kindOf(node: GraphNode): NodeKind {
  if (node.kind === 'person') return node.personKind ?? 'key_figure';
  return node.kind;
}

/** The filters of the graph and its list; null means "all". */
export interface GraphFilter {
  neighbourhoodId: string | null;
  communityId: string | null;
}

/** The person's id in a node id such as `person:{uuid}`, or null for other nodes. */
export function personIdOf(node: Pick<GraphNode, 'id' | 'kind'>): string | null {
  return node.kind === 'person' ? node.id.replace(/^person:/, '') : null;
}

/**
 * The nodes and edges the filters leave: people in the chosen wijk and community; a community node when it is the
 * chosen one (or, with a filter, one of the shown people belongs to it); organisations linked to a shown person.
 * Without filters, everything. Pure.
 */
export function filterGraph(graph: NetworkGraph, filter: GraphFilter): NetworkGraph {
  if (!filter.neighbourhoodId && !filter.communityId) return graph;
  const people = new Set(
    graph.nodes
      .filter(
        (node) =>
          node.kind === 'person' &&
          (!filter.neighbourhoodId || node.neighbourhoodId === filter.neighbourhoodId) &&
          (!filter.communityId || node.communityIds.includes(filter.communityId)),
      )
      .map((node) => node.id),
  );
  const linked = new Set(
    graph.edges
      .filter((edge) => people.has(edge.source) || people.has(edge.target))
      .flatMap((edge) => [edge.source, edge.target]),
  );
  const keep = (node: GraphNode) => {
    if (node.kind === 'person') return people.has(node.id);
    if (node.kind === 'community' && filter.communityId)
      return node.communityIds.includes(filter.communityId);
    return linked.has(node.id);
  };
  const nodes = graph.nodes.filter(keep);
  const shown = new Set(nodes.map((node) => node.id));
  const edges = graph.edges.filter((edge) => shown.has(edge.source) && shown.has(edge.target));
  return { nodes, edges };
}

/** One line of a node's connections in the list, read from that node. */
export interface Connection {
  edge: GraphEdge;
  /** The other end's label. */
  other: string;
  /** True when this node is the edge's source (the label reads from it). */
  outgoing: boolean;
}

/** Every connection of each node, sorted by the other end's name. */
export function connectionsByNode(graph: NetworkGraph): Map<string, Connection[]> {
  const labels = new Map(graph.nodes.map((node) => [node.id, node.label]));
  const connections = new Map<string, Connection[]>(graph.nodes.map((node) => [node.id, []]));
  for (const edge of graph.edges) {
    connections.get(edge.source)?.push({ edge, other: labels.get(edge.target) ?? '', outgoing: true });
    connections.get(edge.target)?.push({ edge, other: labels.get(edge.source) ?? '', outgoing: false });
  }
  for (const list of connections.values()) list.sort((a, b) => a.other.localeCompare(b.other, 'nl'));
  return connections;
}

const kindOrder: readonly NodeKind[] = [
  'ally',
  'key_figure',
  'former_ally',
  'former_key_figure',
  'community',
  'organisation',
];

/** The nodes in the list's order: allies, key figures, former allies, communities, organisations; by name within. */
export function sortNodes(nodes: readonly GraphNode[]): GraphNode[] {
  return [...nodes].sort(
    (a, b) =>
      kindOrder.indexOf(kindOf(a)) - kindOrder.indexOf(kindOf(b)) || a.label.localeCompare(b.label, 'nl'),
  );
}
