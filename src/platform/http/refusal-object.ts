import { isUuid } from '../uuid.js';

/** The audit object type a path parameter names; parameters not listed here name no object. */
const PARAM_OBJECT_TYPES: Readonly<Record<string, string>> = {
  networkId: 'network',
  personId: 'person',
  callOutId: 'call-out',
  meetingId: 'meeting',
  actionId: 'meeting-action',
  locationId: 'meeting-location',
  relationId: 'relation',
  communityId: 'community',
  municipalityId: 'municipality',
  userId: 'user',
};

/**
 * The object a refused request concerns, for its `access.denied` row: the first path parameter of the
 * route (`/networks/{networkId}/…` names the network) that names a known object type. Its id is kept only
 * when it is a UUID, so the audit write of a refusal never depends on what a prober put in the path.
 */
export function refusalObject(
  routePath: string,
  params: Readonly<Record<string, unknown>>,
): { type: string; id: string } | null {
  for (const [, name] of routePath.matchAll(/\{(\w+)\}/g)) {
    const type = name ? PARAM_OBJECT_TYPES[name] : undefined;
    if (!type || !name) continue;
    const id = params[name];
    return isUuid(id) ? { type, id: id.toLowerCase() } : null;
  }
  return null;
}

/** Keeps a decision's object only when its id is a UUID (see {@link refusalObject}). */
export function safeObject(type: string | null, id: string | null): { type: string; id: string } | null {
  return type && isUuid(id) ? { type, id: id.toLowerCase() } : null;
}
