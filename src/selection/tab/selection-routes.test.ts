import { describe, expect, it } from '@jest/globals';
import { selectionFromPath, selectionHref } from './selection-routes.js';

const id = '0b0e8f0e-5f1a-4c3e-9a55-4d9f0f6a1c2b';

describe('selection routes', () => {
  it('reads the network from /netwerken/{id}/selectie and builds the same href', () => {
    expect(selectionFromPath(`/netwerken/${id}/selectie/`)).toEqual({ networkId: id });
    expect(selectionFromPath(`/netwerken/${id}/dekking`)).toBeNull();
    expect(selectionHref(id, '?inTeams=1')).toBe(`/netwerken/${id}/selectie?inTeams=1`);
  });
});
