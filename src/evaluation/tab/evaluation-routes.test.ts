import { describe, expect, it } from '@jest/globals';
import { evaluationFromPath, evaluationHref } from './evaluation-routes.js';

const id = '0b6f3c1e-2a4d-4e8f-9a1b-3c5d7e9f1a2b';

describe('evaluation routes', () => {
  it('reads the network from /netwerken/{id}/evaluatie and builds the same path back', () => {
    expect(evaluationFromPath(`/netwerken/${id}/evaluatie/`)).toEqual({ networkId: id });
    expect(evaluationFromPath(`/netwerken/${id}/selectie`)).toBeNull();
    expect(evaluationHref(id, '?theme=dark')).toBe(`/netwerken/${id}/evaluatie?theme=dark`);
  });
});
