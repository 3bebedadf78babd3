import { describe, expect, it } from 'vitest';
import { routeFromPath } from './routes.js';
import { setupFromPath, setupHref } from './setup-routes.js';

describe('setup routes', () => {
  it('finds the communities and organisations pages, with or without a trailing slash', () => {
    expect(setupFromPath('/beheer/inrichting/gemeenschappen')).toEqual({ page: 'communities' });
    expect(setupFromPath('/beheer/inrichting/organisaties/')).toEqual({ page: 'organisations' });
    expect(setupFromPath('/beheer/inrichting/onbekend')).toBeNull();
    expect(routeFromPath('/beheer/inrichting/gemeenschappen')).toBe('setup');
  });

  it('keeps the query in the href', () => {
    expect(setupHref('organisations', '?theme=dark')).toBe('/beheer/inrichting/organisaties?theme=dark');
  });
});
