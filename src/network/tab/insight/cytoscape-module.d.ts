// Vite answers a `?url` import with the URL of the file it emits as an asset (https://vite.dev/guide/assets#explicit-url-imports).
declare module 'cytoscape/dist/cytoscape.esm.min.mjs?url' {
  const url: string;
  export default url;
}
