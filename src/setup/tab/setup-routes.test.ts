import { describe, expect, it } from '@jest/globals';
import { routeFromPath } from '../../tab/routing/routes.js';
import { setupFromPath, setupHref } from './setup-routes.js';

describe('setup routes', () => {
  it('read each Inrichting page from the path, with or without a trailing slash', () => {
    expect(setupFromPath('/beheer/inrichting')).toBe('checklist');
    expect(setupFromPath('/beheer/inrichting/')).toBe('checklist');
    expect(setupFromPath('/beheer/inrichting/gemeente')).toBe('municipality');
    expect(setupFromPath('/beheer/inrichting/gebieden/')).toBe('areas');
    expect(setupFromPath('/beheer/inrichting/gemeenschappen')).toBe('communities');
    expect(setupFromPath('/beheer/inrichting/organisaties')).toBe('organisations');
    expect(setupFromPath('/beheer/inrichting/netwerken')).toBe('networks');
  });

  it('leave other paths alone and are administrator pages of the app', () => {
    expect(setupFromPath('/beheer/inrichting/onbekend')).toBeNull();
    expect(setupFromPath('/beheer/rollen')).toBeNull();
    expect(routeFromPath('/beheer/inrichting/gebieden')).toBe('setup');
    expect(routeFromPath('/beheer/inrichting/x')).toBe('not-found');
  });

  it('keep the query in their hrefs', () => {
    expect(setupHref('areas', '?theme=dark')).toBe('/beheer/inrichting/gebieden?theme=dark');
  });
});
