import { z } from 'zod';
import { type AnyApiRoute, defineRoute } from '../identity/api-route.js';
import { administerMunicipality } from '../identity/policies.js';
import { createArea, deleteArea, listManagedAreas, updateArea } from './area-service.js';
import type { SetupDeps } from './deps.js';
import { createMunicipality, listMunicipalities, updateMunicipality } from './municipality-service.js';
import {
  areaParams,
  createAreaSchema,
  createMunicipalitySchema,
  managedAreaSchema,
  municipalityIdParams,
  municipalitySchema,
  setupStatusSchema,
  updateAreaSchema,
  updateMunicipalitySchema,
} from './schemas.js';
import { setupStatus } from './setup-status.js';
import { readSetupFacts } from './setup-status-store.js';
import {
  wijkImportPreviewSchema,
  wijkImportRequestSchema,
  wijkImportResultSchema,
} from './wijk-import/import-schemas.js';
import { importWijken, previewWijkImport } from './wijk-import/wijk-import-service.js';

const common = { tags: ['setup'], access: 'signed-in' as const, permission: administerMunicipality };

/** Day one: the checklist, the municipality, and its districts and wijken (administrators only). */
export function setupRoutes(deps: SetupDeps): AnyApiRoute[] {
  return [
    defineRoute({
      ...common,
      operationId: 'getSetupStatus',
      method: 'get',
      path: '/setup/status',
      summary: 'The first-run checklist: each setup step, done or to do (administrators)',
      response: { status: 200, description: 'The steps', schema: setupStatusSchema },
      handle: async () => setupStatus(await readSetupFacts(deps.db, deps.usageTables)),
    }),
    defineRoute({
      ...common,
      operationId: 'listMunicipalities',
      method: 'get',
      path: '/municipalities',
      summary: 'The municipalities of this deployment with code, region and coordinates (administrators)',
      response: { status: 200, description: 'Municipalities', schema: z.array(municipalitySchema) },
      handle: async () => listMunicipalities(deps.db),
    }),
    defineRoute({
      ...common,
      operationId: 'createMunicipality',
      method: 'post',
      path: '/municipalities',
      summary:
        'Create the municipality: name, CBS gemeentecode, school holiday region, coordinates (administrators)',
      body: createMunicipalitySchema,
      response: { status: 201, description: 'The new municipality', schema: municipalitySchema },
      handle: async ({ body }, context) => createMunicipality(deps.db, context.origin, body, deps.now()),
    }),
    defineRoute({
      ...common,
      operationId: 'updateMunicipality',
      method: 'patch',
      path: '/municipalities/{municipalityId}',
      summary: "Change the municipality's name, code, school holiday region or coordinates (administrators)",
      params: municipalityIdParams,
      body: updateMunicipalitySchema,
      response: { status: 200, description: 'The municipality', schema: municipalitySchema },
      handle: async ({ params, body }, context) =>
        updateMunicipality(deps.db, context.origin, params.municipalityId, body, deps.now()),
    }),
    defineRoute({
      ...common,
      operationId: 'listManagedAreas',
      method: 'get',
      path: '/municipalities/{municipalityId}/areas',
      summary: 'Every district and wijk with its CBS wijkcode, archived ones included (administrators)',
      params: municipalityIdParams,
      response: { status: 200, description: 'Areas', schema: z.array(managedAreaSchema) },
      handle: async ({ params }) => listManagedAreas(deps.db, params.municipalityId),
    }),
    defineRoute({
      ...common,
      operationId: 'createArea',
      method: 'post',
      path: '/municipalities/{municipalityId}/areas',
      summary: 'Add a district, or a wijk to a district (administrators)',
      params: municipalityIdParams,
      body: createAreaSchema,
      response: { status: 201, description: 'The new area', schema: managedAreaSchema },
      handle: async ({ params, body }, context) =>
        createArea(deps.db, context.origin, params.municipalityId, body, deps.now()),
    }),
    defineRoute({
      ...common,
      operationId: 'updateArea',
      method: 'patch',
      path: '/municipalities/{municipalityId}/areas/{areaId}',
      summary: 'Rename, move, set the wijkcode of, archive or restore an area (administrators)',
      params: areaParams,
      body: updateAreaSchema,
      response: { status: 200, description: 'The area', schema: managedAreaSchema },
      handle: async ({ params, body }, context) =>
        updateArea(deps.db, context.origin, params, body, deps.now()),
    }),
    defineRoute({
      ...common,
      operationId: 'deleteArea',
      method: 'delete',
      path: '/municipalities/{municipalityId}/areas/{areaId}',
      summary: 'Delete an area nothing uses; 409 naming the uses otherwise (administrators)',
      params: areaParams,
      response: { status: 204, description: 'Deleted' },
      handle: async ({ params }, context) => {
        await deleteArea(deps.db, deps.usageTables, context.origin, params, deps.now());
        return undefined;
      },
    }),
    defineRoute({
      ...common,
      operationId: 'previewWijkImport',
      method: 'post',
      path: '/municipalities/{municipalityId}/area-imports/preview',
      summary:
        'Check a list of wijken (CSV or .xlsx, CBS columns) row by row without storing it (administrators)',
      bodyLimit: '2mb',
      params: municipalityIdParams,
      body: wijkImportRequestSchema,
      response: { status: 200, description: 'What the import would do', schema: wijkImportPreviewSchema },
      handle: async ({ params, body }, context) =>
        previewWijkImport(deps.db, context.origin, params.municipalityId, body, deps.now()),
    }),
    defineRoute({
      ...common,
      operationId: 'importWijken',
      method: 'post',
      path: '/municipalities/{municipalityId}/area-imports',
      summary: 'Import a list of wijken all or nothing, creating districts as needed (administrators)',
      bodyLimit: '2mb',
      params: municipalityIdParams,
      body: wijkImportRequestSchema,
      response: { status: 201, description: 'What was created', schema: wijkImportResultSchema },
      handle: async ({ params, body }, context) =>
        importWijken(deps.db, context.origin, params.municipalityId, body, deps.now()),
    }),
  ];
}
