import { describe, expect, it } from '@jest/globals';
import { routeFromPath } from '../../tab/routing/routes.js';
import {
  callOutFromPath,
  callOutHref,
  callOutListHref,
  closedCallOutsHref,
  newCallOutHref,
} from './call-out-routes.js';

const ID = '0b1e6a52-4a4f-4c1c-9d0e-2f7f0f3c1a11';

describe('callOutFromPath', () => {
  it('finds the list, the start form and one call-out, with or without a trailing slash', () => {
    expect(callOutFromPath('/crisisoproepen')).toEqual({ page: 'list' });
    expect(callOutFromPath('/crisisoproepen/')).toEqual({ page: 'list' });
    expect(callOutFromPath('/crisisoproepen/nieuw')).toEqual({ page: 'new' });
    expect(callOutFromPath('/crisisoproepen/afgesloten/')).toEqual({ page: 'closed' });
    expect(callOutFromPath(`/crisisoproepen/${ID.toUpperCase()}/`)).toEqual({
      page: 'detail',
      callOutId: ID,
    });
  });

  it('leaves ids that are no uuid, deeper paths and other pages alone', () => {
    expect(callOutFromPath('/crisisoproepen/haven')).toBeNull();
    expect(callOutFromPath(`/crisisoproepen/${ID}/tijdlijn`)).toBeNull();
    expect(callOutFromPath('/netwerken')).toBeNull();
    expect(callOutFromPath('/crisisoproepenx')).toBeNull();
  });

  it('is what the app routes to', () => {
    expect(routeFromPath('/crisisoproepen')).toBe('call-outs');
    expect(routeFromPath('/crisisoproepen/nieuw/')).toBe('call-outs');
    expect(routeFromPath('/crisisoproepen/afgesloten')).toBe('call-outs');
    expect(routeFromPath(`/crisisoproepen/${ID}`)).toBe('call-outs');
    expect(routeFromPath('/crisisoproepen/onbekend')).toBe('not-found');
  });
});

describe('call-out hrefs', () => {
  it('keep the query so Teams mode and the theme survive navigation', () => {
    expect(callOutListHref('?theme=dark')).toBe('/crisisoproepen?theme=dark');
    expect(newCallOutHref('')).toBe('/crisisoproepen/nieuw');
    expect(closedCallOutsHref('?theme=dark')).toBe('/crisisoproepen/afgesloten?theme=dark');
    expect(callOutHref(ID, '?inTeams=1')).toBe(`/crisisoproepen/${ID}?inTeams=1`);
  });
});
