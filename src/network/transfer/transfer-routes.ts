import { type AnyApiRoute, defineRoute } from '../../identity/api-route.js';
import { coordinateNetwork, viewNetworkContacts } from '../../identity/policies.js';
import type { NetworkDeps } from '../deps.js';
import { networkIdParams } from '../schemas.js';
import { getCrisisSheet } from './crisis-sheet-service.js';
import { exportNetwork } from './export-service.js';
import { importPeople, previewImport } from './import-service.js';
import {
  crisisSheetSchema,
  importPreviewSchema,
  importRequestSchema,
  importResultSchema,
} from './transfer-schemas.js';

/** Checking and importing a CSV file of people (coordinators; all or nothing). */
function importRoutes(deps: NetworkDeps): AnyApiRoute[] {
  return [
    defineRoute({
      operationId: 'previewImport',
      method: 'post',
      path: '/networks/{networkId}/imports/preview',
      // An upload of up to 1,000 rows; the schema checks the CSV's own size.
      bodyLimit: '2mb',
      summary:
        'Check a CSV file of people against the network and show every row with its errors (stores nothing)',
      tags: ['network'],
      access: 'signed-in',
      permission: coordinateNetwork,
      params: networkIdParams,
      body: importRequestSchema,
      response: {
        status: 200,
        description: 'The rows as they would be imported',
        schema: importPreviewSchema,
      },
      handle: async ({ params, body }, context) =>
        previewImport(deps.db, context.origin, params.networkId, body, deps.now()),
    }),
    defineRoute({
      operationId: 'importPeople',
      method: 'post',
      path: '/networks/{networkId}/imports',
      // An upload of up to 1,000 rows; the schema checks the CSV's own size.
      bodyLimit: '2mb',
      summary: 'Import a CSV file of people into the network: every row, or none if any row has an error',
      tags: ['network'],
      access: 'signed-in',
      permission: coordinateNetwork,
      params: networkIdParams,
      body: importRequestSchema,
      response: { status: 201, description: 'How many people were imported', schema: importResultSchema },
      handle: async ({ params, body }, context) =>
        importPeople(deps.db, context.origin, params.networkId, body, deps.now()),
    }),
  ];
}

/** Everyone in a network at once: the CSV export and the printable crisis sheet (audited). */
function sheetRoutes(deps: NetworkDeps): AnyApiRoute[] {
  return [
    defineRoute({
      operationId: 'exportNetwork',
      method: 'get',
      path: '/networks/{networkId}/export',
      summary: 'Everyone in the network as CSV with the columns of the import (coordinators; audited)',
      tags: ['network'],
      access: 'signed-in',
      permission: coordinateNetwork,
      params: networkIdParams,
      response: {
        status: 200,
        description: 'CSV',
        format: { kind: 'csv', fileName: 'bondgenoten-export.csv' },
      },
      // exportNetwork names the file bondgenoten-<network>-<date>.csv.
      handle: async ({ params }, context) =>
        exportNetwork(deps.db, context.origin, params.networkId, deps.now()),
    }),
    defineRoute({
      operationId: 'getCrisisSheet',
      method: 'get',
      path: '/networks/{networkId}/crisis-sheet',
      summary:
        'Who to call in a crisis: staff with back-ups, allies and key figures with contact data (audited)',
      tags: ['network'],
      access: 'signed-in',
      // The crisis sheet holds contact data: not for administrators as such.
      permission: viewNetworkContacts,
      params: networkIdParams,
      response: { status: 200, description: 'The crisis sheet', schema: crisisSheetSchema },
      handle: async ({ params }, context) =>
        getCrisisSheet(deps.db, context.origin, params.networkId, deps.now()),
    }),
  ];
}

/** Importing people from CSV (all or nothing), exporting a network to CSV, and the crisis sheet. */
export function transferRoutes(deps: NetworkDeps): AnyApiRoute[] {
  return [...importRoutes(deps), ...sheetRoutes(deps)];
}
