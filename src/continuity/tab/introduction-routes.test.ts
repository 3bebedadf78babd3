import { describe, expect, it } from '@jest/globals';
import { introductionFromPath, introductionHref } from './introduction-routes.js';

const id = '6f1c2a4e-8b3d-4c5e-9f70-112233445566';

describe('introduction page paths', () => {
  it('reads the network from /netwerken/{id}/introductie, with or without a trailing slash', () => {
    expect(introductionFromPath(`/netwerken/${id}/introductie`)).toEqual({ networkId: id });
    expect(introductionFromPath(`/netwerken/${id.toUpperCase()}/introductie/`)).toEqual({ networkId: id });
  });

  it('is no introduction page for other paths', () => {
    expect(introductionFromPath(`/netwerken/${id}`)).toBeNull();
    expect(introductionFromPath('/netwerken/not-an-id/introductie')).toBeNull();
    expect(introductionFromPath(`/netwerken/${id}/introductie/extra`)).toBeNull();
  });

  it('links to the page keeping the query', () => {
    expect(introductionHref(id, '?inTeams=1')).toBe(`/netwerken/${id}/introductie?inTeams=1`);
  });
});
