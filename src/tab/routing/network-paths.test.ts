import { describe, expect, it } from '@jest/globals';
import { idFromPath, idRouteFromPath, networkHref, networkSubPageHref, personHref } from './network-paths.js';

const ID = '0b7e2f4e-8c1d-4a51-9a63-3f1c2d4e5f60';

describe('idRouteFromPath', () => {
  it('finds a network and a person by their id', () => {
    expect(idRouteFromPath(`/netwerken/${ID}`)).toBe('network');
    expect(idRouteFromPath(`/personen/${ID}`)).toBe('person');
  });

  it('leaves sub-pages, bad ids and other paths alone', () => {
    expect(idRouteFromPath(`/netwerken/${ID}/dekking`)).toBeNull();
    expect(idRouteFromPath('/netwerken/haven')).toBeNull();
    expect(idRouteFromPath(`/Personen/${ID}`)).toBeNull();
    expect(idRouteFromPath('/zoeken')).toBeNull();
  });
});

describe('idFromPath', () => {
  it('reads the id, ignoring a trailing slash', () => {
    expect(idFromPath(`/personen/${ID}/`)).toBe(ID);
    expect(idFromPath(`/netwerken/${ID}`)).toBe(ID);
    expect(idFromPath('/')).toBeNull();
  });
});

describe('hrefs', () => {
  it('keep the query so Teams mode and the theme survive navigation', () => {
    expect(networkHref(ID, '?theme=dark')).toBe(`/netwerken/${ID}?theme=dark`);
    expect(personHref(ID, '')).toBe(`/personen/${ID}`);
    expect(networkSubPageHref(ID, 'graaf', '?inTeams=1')).toBe(`/netwerken/${ID}/graaf?inTeams=1`);
  });
});
