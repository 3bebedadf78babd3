import { describe, expect, it } from '@jest/globals';
import { offersWijk } from './constants.js';

const haven = { areaId: 'district-haven', status: 'active', myRole: 'coordinator' };
const wijk = (id: string, districtId: string, archived = false) => ({ id, districtId, archived });

describe('offersWijk: the one rule for the tab and the bot', () => {
  it('offers the wijken of the networks where the starter is coordinator or member', () => {
    expect(offersWijk(wijk('centrum', 'district-haven'), [haven], false)).toBe(true);
    expect(offersWijk(wijk('stadshart', 'district-stad'), [haven], false)).toBe(false);
    // A network of one wijk offers that wijk only.
    const single = { areaId: 'filmwijk', status: 'active', myRole: 'member' };
    expect(offersWijk(wijk('filmwijk', 'district-stad'), [single], false)).toBe(true);
    expect(offersWijk(wijk('muziekwijk', 'district-stad'), [single], false)).toBe(false);
  });

  it('offers nothing through a role that may not start, or an archived network or wijk', () => {
    expect(offersWijk(wijk('centrum', 'district-haven'), [{ ...haven, myRole: 'secretary' }], false)).toBe(
      false,
    );
    expect(offersWijk(wijk('centrum', 'district-haven'), [{ ...haven, myRole: null }], false)).toBe(false);
    expect(offersWijk(wijk('centrum', 'district-haven'), [{ ...haven, status: 'archived' }], false)).toBe(
      false,
    );
    expect(offersWijk(wijk('centrum', 'district-haven', true), [haven], false)).toBe(false);
  });

  it('offers administrators every wijk that is not archived', () => {
    expect(offersWijk(wijk('stadshart', 'district-stad'), [], true)).toBe(true);
    expect(offersWijk(wijk('oud', 'district-stad', true), [], true)).toBe(false);
  });
});
