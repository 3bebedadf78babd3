import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { AnyRoute, RouteKitTypes } from './api-route.js';
import { PROBLEM_CONTENT_TYPE } from './problem.js';

export const API_VERSION = '1.0.0';

const problemSchema = z
  .object({
    type: z
      .string()
      .describe('Stable URI of the problem kind, e.g. urn:bondgenoten:problem:validation-failed'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });

function problemResponse(description: string) {
  return { description, content: { [PROBLEM_CONTENT_TYPE]: { schema: problemSchema } } };
}

/** Generates the OpenAPI 3.1 document from the same route declarations the server mounts. */
export function buildOpenApiDocument(routes: AnyRoute<RouteKitTypes>[], serverUrl: string) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'teamsSso', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'Microsoft Entra ID access token obtained through Teams SSO (scope access_as_user)',
  });
  for (const route of routes) {
    const success = route.response.schema
      ? {
          description: route.response.description,
          content: { 'application/json': { schema: route.response.schema } },
        }
      : route.response.format?.kind === 'pdf'
        ? {
            description: route.response.description,
            content: { 'application/pdf': { schema: { type: 'string' as const, format: 'binary' } } },
          }
        : route.response.format?.kind === 'csv'
          ? {
              description: route.response.description,
              content: { 'text/csv': { schema: { type: 'string' as const } } },
            }
          : { description: route.response.description };
    registry.registerPath({
      operationId: route.operationId,
      method: route.method,
      path: `/api/v1${route.path}`,
      summary: route.summary,
      tags: route.tags,
      ...(route.access === 'signed-in' ? { security: [{ teamsSso: [] }] } : {}),
      request: {
        ...(route.params ? { params: route.params } : {}),
        ...(route.query ? { query: route.query } : {}),
        ...(route.headers ? { headers: route.headers } : {}),
        ...(route.body
          ? { body: { content: { 'application/json': { schema: route.body } }, required: true } }
          : {}),
      },
      responses: {
        [route.response.status]: success,
        400: problemResponse('The request is not valid'),
        ...(route.access === 'signed-in'
          ? { 401: problemResponse('Sign-in required'), 403: problemResponse('Not allowed') }
          : route.method !== 'get'
            ? { 403: problemResponse('A change sent from another site (cross-site request)') }
            : {}),
        500: problemResponse('Internal error'),
        503: {
          ...problemResponse('The database cannot be reached at the moment; retry after Retry-After seconds'),
          headers: {
            'Retry-After': {
              description: 'Seconds to wait before retrying',
              schema: { type: 'integer' as const },
            },
          },
        },
      },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Bondgenoten API',
      version: API_VERSION,
      description:
        'Network map, meetings and crisis call-outs for the Bondgenotenaanpak. Errors are application/problem+json (RFC 9457).',
    },
    servers: [{ url: serverUrl }],
  });
}
