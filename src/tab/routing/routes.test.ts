import { describe, expect, it } from '@jest/globals';
import { hrefOf, isAdminRoute, routeFromPath } from './routes.js';

describe('routeFromPath', () => {
  it('finds the overview and the administrator pages, with or without a trailing slash', () => {
    expect(routeFromPath('/')).toBe('overview');
    expect(routeFromPath('/index.html')).toBe('overview');
    expect(routeFromPath('/beheer/rollen')).toBe('roles');
    expect(routeFromPath('/beheer/rollen/')).toBe('roles');
    expect(routeFromPath('/beheer')).toBe('roles');
    expect(routeFromPath('/beheer/audit')).toBe('audit');
    expect(routeFromPath('/beheer/crisisoproepen')).toBe('call-out-settings');
    expect(routeFromPath('/beheer/privacy')).toBe('privacy');
    expect(routeFromPath('/beheer/privacy/persoon/')).toBe('privacy');
  });

  it('calls anything else not found rather than guessing', () => {
    expect(routeFromPath('/beheer/onbekend')).toBe('not-found');
    expect(routeFromPath('/Beheer/Rollen')).toBe('not-found');
    expect(routeFromPath('/api')).toBe('not-found');
  });
});

describe('isAdminRoute', () => {
  it('marks only the Beheer pages', () => {
    expect(isAdminRoute('roles')).toBe(true);
    expect(isAdminRoute('audit')).toBe(true);
    expect(isAdminRoute('call-out-settings')).toBe(true);
    expect(isAdminRoute('privacy')).toBe(true);
    expect(isAdminRoute('overview')).toBe(false);
    expect(isAdminRoute('not-found')).toBe(false);
  });
});

describe('hrefOf', () => {
  it('keeps the query so Teams mode and the theme survive navigation', () => {
    expect(hrefOf('audit', '?inTeams=1&theme=dark')).toBe('/beheer/audit?inTeams=1&theme=dark');
    expect(hrefOf('overview', '')).toBe('/');
  });
});
