import type { z } from 'zod';
import type { ApiClient } from '../../../tab/api/client.js';
import type {
  createOrganisationSchema,
  createRelationTypeSchema,
  managedOrganisationSchema,
  managedRelationTypeSchema,
  updateOrganisationSchema,
  updateRelationTypeSchema,
} from '../../catalogue/catalogue-schemas.js';
import type { CreateCommunity, ManagedCommunity, UpdateCommunity } from './management-replies.js';

export type { CommunityKind, ObservanceTradition } from '../../../meetings/constants.js';
export { COMMUNITY_KINDS, OBSERVANCE_TRADITIONS } from '../../../meetings/constants.js';
export type { RelationTargetKind } from '../../constants.js';
export { RELATION_TARGET_KINDS } from '../../constants.js';

export type { CreateCommunity, ManagedCommunity, UpdateCommunity };
/** An organisation in the managed list, with its usage. */
export type ManagedOrganisation = z.infer<typeof managedOrganisationSchema>;
export type CreateOrganisation = z.input<typeof createOrganisationSchema>;
export type UpdateOrganisation = z.input<typeof updateOrganisationSchema>;
/** A relation type in the managed list, with its usage. */
export type ManagedRelationType = z.infer<typeof managedRelationTypeSchema>;
export type CreateRelationType = z.input<typeof createRelationTypeSchema>;
export type UpdateRelationType = z.input<typeof updateRelationTypeSchema>;

const base = (municipalityId: string) => `/municipalities/${encodeURIComponent(municipalityId)}`;

/** `GET /municipalities/{id}/communities` (administrators). */
export const listCommunities = (api: ApiClient, municipalityId: string) =>
  api.get<ManagedCommunity[]>(`${base(municipalityId)}/communities`);

/** `POST /municipalities/{id}/communities` (administrators). */
export const createCommunity = (api: ApiClient, municipalityId: string, body: CreateCommunity) =>
  api.post<ManagedCommunity>(`${base(municipalityId)}/communities`, body);

/** `PATCH /municipalities/{id}/communities/{communityId}` (administrators): the list after the change. */
export const updateCommunity = (api: ApiClient, municipalityId: string, id: string, body: UpdateCommunity) =>
  api.patch<ManagedCommunity[]>(`${base(municipalityId)}/communities/${encodeURIComponent(id)}`, body);

/** `GET /municipalities/{id}/organisations` (administrators). */
export const listOrganisations = (api: ApiClient, municipalityId: string) =>
  api.get<ManagedOrganisation[]>(`${base(municipalityId)}/organisations`);

/** `POST /municipalities/{id}/organisations` (administrators). */
export const createOrganisation = (api: ApiClient, municipalityId: string, body: CreateOrganisation) =>
  api.post<ManagedOrganisation>(`${base(municipalityId)}/organisations`, body);

/** `PATCH /municipalities/{id}/organisations/{organisationId}` (administrators): the list after the change. */
export const updateOrganisation = (
  api: ApiClient,
  municipalityId: string,
  id: string,
  body: UpdateOrganisation,
) =>
  api.patch<ManagedOrganisation[]>(`${base(municipalityId)}/organisations/${encodeURIComponent(id)}`, body);

/** `DELETE /municipalities/{id}/organisations/{organisationId}` (administrators; 409 when in use). */
export const deleteOrganisation = (api: ApiClient, municipalityId: string, id: string) =>
  api.delete(`${base(municipalityId)}/organisations/${encodeURIComponent(id)}`);

/** `GET /municipalities/{id}/relation-types` (administrators). */
export const listRelationTypes = (api: ApiClient, municipalityId: string) =>
  api.get<ManagedRelationType[]>(`${base(municipalityId)}/relation-types`);

/** `POST /municipalities/{id}/relation-types` (administrators). */
export const createRelationType = (api: ApiClient, municipalityId: string, body: CreateRelationType) =>
  api.post<ManagedRelationType>(`${base(municipalityId)}/relation-types`, body);

/** `PATCH /municipalities/{id}/relation-types/{relationTypeId}` (administrators): the list after the change. */
export const updateRelationType = (
  api: ApiClient,
  municipalityId: string,
  id: string,
  body: UpdateRelationType,
) =>
  api.patch<ManagedRelationType[]>(`${base(municipalityId)}/relation-types/${encodeURIComponent(id)}`, body);

/** `DELETE /municipalities/{id}/relation-types/{relationTypeId}` (administrators; 409 when in use). */
export const deleteRelationType = (api: ApiClient, municipalityId: string, id: string) =>
  api.delete(`${base(municipalityId)}/relation-types/${encodeURIComponent(id)}`);
