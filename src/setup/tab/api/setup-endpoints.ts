import type { z } from 'zod';
import type { ApiClient } from '../../../tab/api/client.js';
import type {
  CreateArea,
  CreateMunicipality,
  ManagedArea,
  Municipality,
  SetupStatus,
  UpdateArea,
  UpdateMunicipality,
} from '../../schemas.js';
import type { wijkImportPreviewSchema, wijkImportResultSchema } from '../../wijk-import/import-schemas.js';

export type { ManagedArea, Municipality, SetupStatus };
export type WijkImportPreview = z.infer<typeof wijkImportPreviewSchema>;
export type WijkImportResult = z.infer<typeof wijkImportResultSchema>;
/** A list of wijken as read from disk: CSV text or a base64 workbook, and the district for rows naming none. */
export type WijkImportSource = ({ csv: string } | { xlsx: string }) & { districtId: string | null };

/** `GET /setup/status` (administrators): the first-run checklist. */
export const getSetupStatus = (api: ApiClient) => api.get<SetupStatus>('/setup/status');

/** `GET /municipalities` (administrators). */
export const listMunicipalities = (api: ApiClient) => api.get<Municipality[]>('/municipalities');

/** `POST /municipalities` (administrators). */
export const createMunicipality = (api: ApiClient, input: CreateMunicipality) =>
  api.post<Municipality>('/municipalities', input);

/** `PATCH /municipalities/{id}` (administrators). */
export const updateMunicipality = (api: ApiClient, id: string, change: UpdateMunicipality) =>
  api.patch<Municipality>(`/municipalities/${encodeURIComponent(id)}`, change);

const areasPath = (municipalityId: string) => `/municipalities/${encodeURIComponent(municipalityId)}/areas`;

/** `GET /municipalities/{id}/areas` (administrators): districts and wijken, archived ones included. */
export const listAreas = (api: ApiClient, municipalityId: string) =>
  api.get<ManagedArea[]>(areasPath(municipalityId));

/** `POST /municipalities/{id}/areas` (administrators). */
export const createArea = (
  api: ApiClient,
  municipalityId: string,
  input: Partial<CreateArea> & Pick<CreateArea, 'kind' | 'name'>,
) => api.post<ManagedArea>(areasPath(municipalityId), input);

/** `PATCH /municipalities/{id}/areas/{areaId}` (administrators). */
export const updateArea = (api: ApiClient, municipalityId: string, areaId: string, change: UpdateArea) =>
  api.patch<ManagedArea>(`${areasPath(municipalityId)}/${encodeURIComponent(areaId)}`, change);

/** `DELETE /municipalities/{id}/areas/{areaId}` (administrators): only an area nothing uses. */
export const deleteArea = (api: ApiClient, municipalityId: string, areaId: string) =>
  api.delete(`${areasPath(municipalityId)}/${encodeURIComponent(areaId)}`);

const importPath = (municipalityId: string) =>
  `/municipalities/${encodeURIComponent(municipalityId)}/area-imports`;

/** `POST …/area-imports/preview` (administrators): what the import would do, row by row. */
export const previewWijkImport = (api: ApiClient, municipalityId: string, source: WijkImportSource) =>
  api.post<WijkImportPreview>(`${importPath(municipalityId)}/preview`, source);

/** `POST …/area-imports` (administrators): all or nothing. */
export const importWijken = (api: ApiClient, municipalityId: string, source: WijkImportSource) =>
  api.post<WijkImportResult>(importPath(municipalityId), source);
