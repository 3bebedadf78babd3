import type { z } from 'zod';
import type { ApiClient } from '../../../tab/api/client.js';
import type { NetworkStaff } from '../../../tab/api/endpoints.js';
import type { Farewell, FarewellResult, recordFarewellSchema } from '../../farewell/farewell-schemas.js';
import type { PersonSearchHit, personHistoryEntrySchema } from '../../insight/insight-schemas.js';
import type { organisationSchema, Relation, relationTypeSchema } from '../../relations/relation-schemas.js';
import type { CreatePerson, NetworkWarning, PersonDetail, UpdatePerson } from '../../schemas.js';

// The calls other capabilities' pages share live in the tab shell's API client.
export {
  type CommunityRef,
  getNetwork,
  listNetworkCommunities,
  type NetworkStaff,
} from '../../../tab/api/endpoints.js';
export type { Farewell, FarewellResult } from '../../farewell/farewell-schemas.js';
export type { PersonSearchHit } from '../../insight/insight-schemas.js';
export type { Relation } from '../../relations/relation-schemas.js';
export type {
  CreatePerson,
  NetworkDetail,
  NetworkWarning,
  PersonDetail,
  PersonSummary,
  UpdatePerson,
} from '../../schemas.js';

/** Key figure (sleutelfiguur), ally (bondgenoot) or former ally (oud-bondgenoot). */
export type PersonKind = PersonDetail['kind'];
/** One entry of a person's history, from the audit trail. */
export type PersonHistoryEntry = z.infer<typeof personHistoryEntrySchema>;
/** The relation types and organisations the relation form offers. */
export interface RelationChoices {
  relationTypes: z.infer<typeof relationTypeSchema>[];
  organisations: z.infer<typeof organisationSchema>[];
}
/** The result of creating or changing a person: the person and any warnings (e.g. above the soft limit). */
export interface PersonChange {
  person: PersonDetail;
  warnings: NetworkWarning[];
}
/** The filters of a person search; at least one must be given. */
export interface PersonQuery {
  q?: string;
  communityId?: string;
  kind?: PersonKind;
}

const networkPath = (networkId: string) => `/networks/${encodeURIComponent(networkId)}`;
const personPath = (personId: string) => `/people/${encodeURIComponent(personId)}`;

/** `PUT /networks/{id}/roles/{userId}/backup` (coordinators): answers the network's staff. */
export const setStaffBackup = (
  api: ApiClient,
  networkId: string,
  userId: string,
  backupUserId: string | null,
) =>
  api.put<NetworkStaff[]>(`${networkPath(networkId)}/roles/${encodeURIComponent(userId)}/backup`, {
    backupUserId,
  });

/** `POST /networks/{id}/people` (coordinators). */
export const createPerson = (api: ApiClient, networkId: string, person: Partial<CreatePerson>) =>
  api.post<PersonChange>(`${networkPath(networkId)}/people`, person);

/** `GET /people/{id}`: everything about one person, contact data included (the read is audited). */
export const getPerson = (api: ApiClient, personId: string) => api.get<PersonDetail>(personPath(personId));

/** `PATCH /people/{id}` (coordinators): only the changed fields, with the version last read (else 409). */
export const updatePerson = (api: ApiClient, personId: string, change: UpdatePerson) =>
  api.patch<PersonChange>(personPath(personId), change);

/** `GET /people/{id}/history`: who read or changed the person, newest first. */
export const getPersonHistory = (api: ApiClient, personId: string) =>
  api.get<PersonHistoryEntry[]>(`${personPath(personId)}/history`);

/** `GET /people/{id}/relations`: ended ones included. */
export const listRelations = (api: ApiClient, personId: string) =>
  api.get<Relation[]>(`${personPath(personId)}/relations`);

/** `POST /people/{id}/relations` (coordinators): answers the relations after the change. */
export const addRelation = (
  api: ApiClient,
  personId: string,
  relation: {
    relationTypeId: string;
    relatedPersonId?: string;
    organisationId?: string;
    since: string | null;
    until: string | null;
  },
) => api.post<Relation[]>(`${personPath(personId)}/relations`, relation);

/** `PUT /people/{id}/relations/{relationId}` (coordinators): end a relation on a date; it stays listed, greyed. */
export const endRelation = (api: ApiClient, personId: string, relationId: string, until: string) =>
  api.put<Relation[]>(`${personPath(personId)}/relations/${encodeURIComponent(relationId)}`, { until });

/** `GET /networks/{id}/relation-choices`: relation types and organisations. */
export const getRelationChoices = (api: ApiClient, networkId: string) =>
  api.get<RelationChoices>(`${networkPath(networkId)}/relation-choices`);

/** The query string of a person search; empty filters are left out. */
export function personQueryString(query: PersonQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (typeof value === 'string' && value.trim() !== '') params.set(name, value.trim());
  }
  return params.toString();
}

/** `GET /people?…`: people in the caller's own networks (400 without any filter). */
export const searchPeople = (api: ApiClient, query: PersonQuery) =>
  api.get<PersonSearchHit[]>(`/people?${personQueryString(query)}`);

/** `POST /people/{id}/farewell` (coordinators): ends the membership; future invitations are updated. */
export const recordFarewell = (
  api: ApiClient,
  personId: string,
  farewell: z.input<typeof recordFarewellSchema>,
) => api.post<FarewellResult>(`${personPath(personId)}/farewell`, farewell);

/** `GET /people/{id}/farewell`: the latest farewell, or null while the membership runs (audited). */
export const getFarewell = (api: ApiClient, personId: string) =>
  api.get<{ farewell: Farewell | null }>(`${personPath(personId)}/farewell`);
