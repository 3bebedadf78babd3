import { describe, expect, it } from '@jest/globals';
import { errorFromResponse } from './api-error.js';

describe('errorFromResponse', () => {
  it('keeps the problem of an application/problem+json answer, so the UI can show its detail', async () => {
    const problem = {
      type: 'urn:bondgenoten:problem:validation',
      title: 'Invalid request',
      status: 400,
      detail: 'body.userId: must be the id of a staff member',
      errors: [
        {
          field: 'body.userId',
          code: 'invalid_format',
          format: 'uuid',
          message: 'must be the id of a staff member',
        },
      ],
    };
    const response = new Response(JSON.stringify(problem), {
      status: 400,
      headers: { 'content-type': 'application/problem+json; charset=utf-8' },
    });
    const error = await errorFromResponse(response);
    expect(error).toMatchObject({ kind: 'problem', status: 400, problem });
    expect(error.message).toBe(problem.detail);
  });

  it('calls anything else unexpected, such as a proxy’s HTML error page', async () => {
    const response = new Response('<h1>Bad gateway</h1>', {
      status: 502,
      headers: { 'content-type': 'text/html' },
    });
    expect(await errorFromResponse(response)).toMatchObject({
      kind: 'unexpected',
      status: 502,
      problem: null,
    });
  });

  it('does not take arbitrary JSON for a problem', async () => {
    const response = new Response('{"error":"nope"}', {
      status: 500,
      headers: { 'content-type': 'application/json' },
    });
    expect(await errorFromResponse(response)).toMatchObject({
      kind: 'unexpected',
      status: 500,
      problem: null,
    });
  });
});
