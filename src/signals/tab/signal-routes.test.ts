import { describe, expect, it } from '@jest/globals';
import { networkOverviewHref, networkSignalsHref, signalFromPath } from './signal-routes.js';

describe('signal paths', () => {
  it('reads the thermometer, the sfeerbeeld, the overview and a network’s signals', () => {
    const id = '3f6b2d8e-1c4a-4e7b-9a05-7d2c8b1e6f43';
    expect(signalFromPath('/signalen/')).toEqual({ page: 'thermometer' });
    expect(signalFromPath('/signalen/sfeerbeeld')).toEqual({ page: 'report' });
    expect(signalFromPath(networkOverviewHref('?van=2026-01-01'))).toBeNull();
    expect(signalFromPath(networkOverviewHref(''))).toEqual({ page: 'overview' });
    expect(signalFromPath(networkSignalsHref(id, ''))).toEqual({ page: 'network', networkId: id });
    expect(signalFromPath('/signalen/netwerk/x')).toBeNull();
    expect(signalFromPath('/signalenx')).toBeNull();
  });
});
