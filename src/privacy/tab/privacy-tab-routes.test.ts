import { describe, expect, it } from '@jest/globals';
import { privacyFromPath, privacyHref } from './privacy-tab-routes.js';

describe('the Beheer → Privacy paths', () => {
  it('reads each page from its Dutch path, with or without a trailing slash', () => {
    expect(privacyFromPath('/beheer/privacy')).toBe('retention');
    expect(privacyFromPath('/beheer/privacy/')).toBe('retention');
    expect(privacyFromPath('/beheer/privacy/verwerkingsregister')).toBe('register');
    expect(privacyFromPath('/beheer/privacy/persoon')).toBe('person');
  });
  it('is no privacy page for other paths', () => {
    expect(privacyFromPath('/beheer/privacyx')).toBeNull();
    expect(privacyFromPath('/beheer/privacy/persoon/extra')).toBeNull();
    expect(privacyFromPath('/beheer/rollen')).toBeNull();
  });
  it('writes hrefs that read back, keeping the query', () => {
    for (const page of ['retention', 'register', 'person'] as const) {
      const href = privacyHref(page, '?theme=dark');
      expect(href.endsWith('?theme=dark')).toBe(true);
      expect(privacyFromPath(href.replace('?theme=dark', ''))).toBe(page);
    }
  });
});
