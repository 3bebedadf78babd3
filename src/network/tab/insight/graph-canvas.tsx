import { makeStyles, tokens } from '@fluentui/react-components';
import type { Core, ElementDefinition, StylesheetJson } from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import type { NetworkGraph } from '../api/insight-endpoints.js';
import { nodeLook } from './graph-canvas-look.js';
import { kindOf, personIdOf } from './graph-model.js';
import { loadCytoscape } from './load-cytoscape.js';

/** The largest zoom the first view of the graph uses. */
const MAX_FIT_ZOOM = 1.25;

const useStyles = makeStyles({
  canvas: {
    height: '560px',
    width: '100%',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

/** The value of a Fluent token (`var(--name)`) in the theme that applies at `element`. */
function resolveToken(element: Element, token: string): string {
  const name = /var\((--[^),]+)/.exec(token)?.[1];
  return name ? getComputedStyle(element).getPropertyValue(name).trim() : token;
}

function stylesheet(element: Element): StylesheetJson {
  const color = (token: string) => resolveToken(element, token);
  const kinds = Object.entries(nodeLook).map(([kind, look]) => ({
    selector: `node[kind = "${kind}"]`,
    style: { shape: look.shape, 'background-color': color(look.color) },
  }));
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        width: 28,
        height: 28,
        'border-width': 2,
        'border-color': color(tokens.colorNeutralForeground1),
        color: color(tokens.colorNeutralForeground1),
        'font-size': 13,
        'text-wrap': 'wrap',
        'text-max-width': '120px',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-background-color': color(tokens.colorNeutralBackground1),
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
      },
    },
    ...kinds,
    { selector: 'node[person]', style: { width: 34, height: 34 } },
    {
      selector: 'edge',
      style: {
        width: 2,
        'line-color': color(tokens.colorNeutralStroke1),
        'curve-style': 'bezier',
        'target-arrow-shape': 'none',
      },
    },
    // Relation labels stay off the drawing, where they overlap; the list beside it names every relation.
    { selector: 'edge[relation]', style: { 'line-color': color(tokens.colorNeutralForeground2) } },
    {
      selector: 'edge[ended]',
      style: {
        'line-style': 'dashed',
        'line-color': color(tokens.colorNeutralForegroundDisabled),
        opacity: 0.8,
      },
    },
  ] as StylesheetJson;
}

function elementsOf(graph: NetworkGraph): ElementDefinition[] {
  return [
    ...graph.nodes.map((node) => ({
      data: {
        id: node.id,
        label: node.label,
        kind: kindOf(node),
        ...(node.kind === 'person' ? { person: true } : {}),
      },
    })),
    ...graph.edges.map((edge) => ({
      data: {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        label: edge.label ?? '',
        ...(edge.kind === 'relation' ? { relation: true } : {}),
        ...(edge.ended ? { ended: true } : {}),
      },
    })),
  ];
}

/**
 * The drawing of the graph (cytoscape, loaded only when this page opens). It is hidden from assistive technology:
 * the list beside it holds the same nodes and connections. Tapping a person opens their page.
 */
export function GraphCanvas(props: {
  graph: NetworkGraph;
  onOpenPerson: (personId: string) => void;
  onFailed: () => void;
}) {
  const { graph, onOpenPerson, onFailed } = props;
  const styles = useStyles();
  const container = useRef<HTMLDivElement>(null);
  const [cy, setCy] = useState<Core | null>(null);
  const openPerson = useRef(onOpenPerson);
  openPerson.current = onOpenPerson;

  useEffect(() => {
    let current = true;
    let instance: Core | null = null;
    loadCytoscape().then(
      (cytoscape) => {
        if (!current || !container.current) return;
        instance = cytoscape({
          container: container.current,
          style: stylesheet(container.current),
          minZoom: 0.3,
          maxZoom: 3,
        });
        instance.on('tap', 'node[person]', (event) => {
          const id = personIdOf({ id: event.target.id(), kind: 'person' });
          if (id) openPerson.current(id);
        });
        setCy(instance);
      },
      () => current && onFailed(),
    );
    return () => {
      current = false;
      instance?.destroy();
    };
  }, [onFailed]);

  useEffect(() => {
    if (!cy || !container.current) return;
    // Colours come from the theme that applies now, so light, dark and high contrast each stay readable.
    cy.style(stylesheet(container.current));
    const element = container.current;
    element.dataset.drawn = 'false';
    const layoutStart = performance.now();
    cy.elements().remove();
    cy.add(elementsOf(graph));
    cy.layout({
      name: 'cose',
      animate: false,
      padding: 24,
      nodeDimensionsIncludeLabels: true,
      // Pulled together: the demo's small components otherwise spread so wide that the labels become unreadable.
      nodeRepulsion: () => 20_000,
      idealEdgeLength: () => 50,
      componentSpacing: 30,
      gravity: 60,
      randomize: false,
      // Cools in ~135 steps instead of the default 0.99's ~690 (from 1000 to 1 degree). The layout runs on the main
      // thread: for Benchstad's 63-person network 362-405 ms took 169-203 (bench/tools/graph-timing.ts), and the
      // drawings looked alike by eye.
      coolingFactor: 0.95,
    }).run();
    // A few nodes would otherwise be blown up to fill the frame; keep them at a calm size, centred.
    if (cy.zoom() > MAX_FIT_ZOOM) {
      cy.zoom(MAX_FIT_ZOOM);
      cy.center();
    }
    // For tests and bench/tools/graph-timing.ts: the graph is laid out, and how long that took (User Timing).
    performance.measure('graph-layout', { start: layoutStart, end: performance.now() });
    element.dataset.drawn = 'true';
  }, [cy, graph]);

  return <div ref={container} className={styles.canvas} aria-hidden="true" data-testid="graph-canvas" />;
}
