import type cytoscape from 'cytoscape';
import cytoscapeUrl from 'cytoscape/dist/cytoscape.esm.min.mjs?url';

/**
 * Loads cytoscape (about 430 kB) only when the graph page draws. A plain `import('cytoscape')` is not enough here:
 * vite.config.ts puts every node_modules module into the `fluent` group chunk, which the tab loads at start, even
 * when only a dynamic import reaches it. Cytoscape's self-contained ES module is emitted as its own asset instead
 * and imported from our own origin at run time (the CSP allows scripts from 'self').
 */
export async function loadCytoscape(): Promise<typeof cytoscape> {
  const module = (await import(/* @vite-ignore */ cytoscapeUrl)) as { default: typeof cytoscape };
  return module.default;
}
