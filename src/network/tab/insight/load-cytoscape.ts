import type cytoscape from 'cytoscape';
import cytoscapeUrl from 'cytoscape/dist/cytoscape.esm.min.mjs?url';

/**
 * Loads cytoscape (about 430 kB) only when the graph page draws. A plain `import('cytoscape')` is not enough here:
 * vite.config.ts puts every node_modules module into the `fluent` group chunk, which the tab loads at start, even
 * when only a dynamic import reaches it. Cytoscape's self-contained ES module is emitted as its own asset instead
 * and imported from our own origin at run time (the CSP allows scripts from 'self').
 */
let loading: Promise<typeof cytoscape> | undefined;

/**
 * One load per page, shared: the graph page asks for it together with its data, so the module arrives while the
 * data and the list are on their way, and the canvas takes the same promise. A failed load is forgotten, so the
 * next visit tries again.
 */
export function loadCytoscape(): Promise<typeof cytoscape> {
  loading ??= (import(/* @vite-ignore */ cytoscapeUrl) as Promise<{ default: typeof cytoscape }>).then(
    (module) => module.default,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
