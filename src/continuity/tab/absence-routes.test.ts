import { describe, expect, it } from '@jest/globals';
import { absenceFromPath, absenceHref } from './absence-routes.js';

const id = '6f1c2a4e-8b3d-4c5e-9f70-112233445566';

describe('absence page paths', () => {
  it('reads the network from /netwerken/{id}/afwezigheid, with or without a trailing slash', () => {
    expect(absenceFromPath(`/netwerken/${id}/afwezigheid`)).toEqual({ networkId: id });
    expect(absenceFromPath(`/netwerken/${id.toUpperCase()}/afwezigheid/`)).toEqual({ networkId: id });
  });

  it('is no absence page for other paths', () => {
    expect(absenceFromPath(`/netwerken/${id}`)).toBeNull();
    expect(absenceFromPath('/netwerken/not-an-id/afwezigheid')).toBeNull();
    expect(absenceFromPath(`/netwerken/${id}/afwezigheid/extra`)).toBeNull();
  });

  it('links to the page keeping the query', () => {
    expect(absenceHref(id, '?inTeams=1')).toBe(`/netwerken/${id}/afwezigheid?inTeams=1`);
    expect(absenceFromPath(absenceHref(id, '').split('?')[0] ?? '')).toEqual({ networkId: id });
  });
});
