import { describe, expect, it } from '@jest/globals';
import { handOverHref } from '../../tab/routing/network-paths.js';
import { routeFromPath } from '../../tab/routing/routes.js';
import { handOverFromPath } from './hand-over-routes.js';

const networkId = '6f1c2a4e-8b3d-4c5e-9f70-112233445566';
const userId = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f00112233';

describe('hand-over page paths', () => {
  it('reads network and staff member from /netwerken/{id}/overdracht/{userId}', () => {
    expect(handOverFromPath(`/netwerken/${networkId}/overdracht/${userId}`)).toEqual({ networkId, userId });
    expect(handOverFromPath(`/netwerken/${networkId.toUpperCase()}/overdracht/${userId}/`)).toEqual({
      networkId,
      userId,
    });
    expect(routeFromPath(`/netwerken/${networkId}/overdracht/${userId}`)).toBe('hand-over');
  });

  it('is no hand-over page for other paths', () => {
    expect(handOverFromPath(`/netwerken/${networkId}/overdracht`)).toBeNull();
    expect(handOverFromPath(`/netwerken/${networkId}/overdracht/not-an-id`)).toBeNull();
    expect(handOverFromPath(`/netwerken/${networkId}/overdracht/${userId}/extra`)).toBeNull();
  });

  it('links to the page keeping the query', () => {
    const href = handOverHref(networkId, userId, '?inTeams=1');
    expect(href).toBe(`/netwerken/${networkId}/overdracht/${userId}?inTeams=1`);
    expect(handOverFromPath(href.split('?')[0] ?? '')).toEqual({ networkId, userId });
  });
});
