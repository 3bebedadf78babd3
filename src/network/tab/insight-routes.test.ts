import { describe, expect, it } from '@jest/globals';
import { insightFromPath, insightHref } from './insight-routes.js';

const ID = '0b1e6a52-4a4f-4c1c-9d0e-2f7f0f3c1a11';

describe('insightFromPath', () => {
  it('finds each insight page of a network, with or without a trailing slash', () => {
    expect(insightFromPath(`/netwerken/${ID}/dekking`)).toEqual({ page: 'coverage', networkId: ID });
    expect(insightFromPath(`/netwerken/${ID}/afspiegeling/`)).toEqual({
      page: 'representativeness',
      networkId: ID,
    });
    expect(insightFromPath(`/netwerken/${ID}/graaf`)?.page).toBe('graph');
    expect(insightFromPath(`/netwerken/${ID}/import`)?.page).toBe('import');
    expect(insightFromPath(`/netwerken/${ID}/crisiskaart`)?.page).toBe('crisis-sheet');
  });

  it('leaves the network page, unknown pages and ids that are no uuid to others', () => {
    expect(insightFromPath(`/netwerken/${ID}`)).toBeNull();
    expect(insightFromPath(`/netwerken/${ID}/onbekend`)).toBeNull();
    expect(insightFromPath('/netwerken/haven/dekking')).toBeNull();
    expect(insightFromPath(`/netwerken/${ID}/dekking/extra`)).toBeNull();
  });
});

describe('insightHref', () => {
  it('keeps the query so Teams mode and the theme survive navigation', () => {
    expect(insightHref('crisis-sheet', ID, '?theme=dark')).toBe(`/netwerken/${ID}/crisiskaart?theme=dark`);
  });
});
