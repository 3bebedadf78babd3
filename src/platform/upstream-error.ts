/**
 * An outside service (Microsoft Graph, its token endpoint) that did not answer usefully. Adapters' errors
 * extend it, so a capability can tell "the service is down" from its own failures without importing the
 * adapter (src/m365) that threw.
 */
export class UpstreamError extends Error {}
