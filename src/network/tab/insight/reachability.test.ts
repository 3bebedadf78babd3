import { describe, expect, it } from '@jest/globals';
import { reachabilityWarnings } from './reachability.js';

describe('reachabilityWarnings', () => {
  it('counts allies without a mobile number and without a wijk, and says nothing when all can be reached', () => {
    expect(
      reachabilityWarnings([
        { mobile: null, neighbourhood: 'De Marken' },
        { mobile: '', neighbourhood: null },
        { mobile: '+46701740605', neighbourhood: null },
        { mobile: '+46701740606', neighbourhood: 'De Wierden' },
      ]),
    ).toEqual([
      { code: 'allies-without-mobile', count: 2, limit: null, userIds: [] },
      { code: 'allies-without-wijk', count: 2, limit: null, userIds: [] },
    ]);
    expect(reachabilityWarnings([{ mobile: '+46701740605', neighbourhood: 'De Marken' }])).toEqual([]);
  });
});
