import { describe, expect, it } from '@jest/globals';
import { defaultFilter, filterFromSearch, searchWithFilter } from './use-signal-filter.js';

const NOW = new Date('2026-12-06T10:00:00Z');
const NETWORK = '3f2b8c1e-1111-4aaa-8bbb-123456789abc';

describe('the thermometer and sfeerbeeld filter in the address bar', () => {
  it('defaults to twelve months back to today, per month', () => {
    expect(defaultFilter(NOW)).toEqual({ from: '2026-01-01', to: '2026-12-06', grain: 'month' });
    expect(filterFromSearch('', ['from', 'to'], NOW)).toEqual(defaultFilter(NOW));
  });

  it('reads the fields a page uses and ignores the tab’s colour theme and malformed values', () => {
    const search = `?theme=dark&van=2026-03-01&tot=2026-06-30&per=week&netwerk=${NETWORK}&wijk=nope&thema=armoede`;
    expect(filterFromSearch(search, ['from', 'to', 'grain', 'networkId', 'wijkId', 'theme'], NOW)).toEqual({
      from: '2026-03-01',
      to: '2026-06-30',
      grain: 'week',
      networkId: NETWORK,
      theme: 'armoede',
    });
    // The sfeerbeeld uses the period only.
    expect(filterFromSearch(search, ['from', 'to'], NOW)).toEqual({
      from: '2026-03-01',
      to: '2026-06-30',
      grain: 'month',
    });
    expect(filterFromSearch('?van=1-1-2026&per=year', ['from', 'grain'], NOW)).toEqual(defaultFilter(NOW));
  });

  it('writes the filter back, keeping other parameters and dropping emptied fields', () => {
    const written = searchWithFilter(
      '?theme=dark&wijk=old',
      { from: '2026-03-01', to: '2026-06-30', grain: 'month', networkId: NETWORK },
      ['from', 'to', 'grain', 'networkId', 'wijkId', 'theme'],
    );
    expect(written).toBe(`?theme=dark&van=2026-03-01&tot=2026-06-30&per=month&netwerk=${NETWORK}`);
    const fields = ['from', 'to', 'grain', 'networkId'] as const;
    expect(filterFromSearch(written, fields, NOW)).toEqual({
      from: '2026-03-01',
      to: '2026-06-30',
      grain: 'month',
      networkId: NETWORK,
    });
  });
});
