import { describe, expect, it } from '@jest/globals';
import { deepLinkHref } from './deep-link.js';

describe('deepLinkHref', () => {
  it('goes to a page of the tab, keeping the query and the fragment', () => {
    expect(deepLinkHref('/crisisoproepen/abc#antwoordlink=xyz', '?inTeams=1')).toBe(
      '/crisisoproepen/abc?inTeams=1#antwoordlink=xyz',
    );
    expect(deepLinkHref('/netwerken', '')).toBe('/netwerken');
  });

  it('ignores what is not a path of this tab', () => {
    for (const subPageId of [
      null,
      undefined,
      '',
      'crisisoproepen',
      '//evil.example.org/x',
      '/\\evil.example.org',
      'https://evil.example.org/',
      '/a b',
      '/a?x=1',
    ])
      expect(deepLinkHref(subPageId, '?inTeams=1')).toBeNull();
  });
});
