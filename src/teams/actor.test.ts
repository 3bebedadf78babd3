import { describe, expect, it } from '@jest/globals';
import { actorOf, tenantOf } from './actor.js';

const TENANT = '9E3B7C2A-4D1F-4A8E-B6C5-2F0D1E9A7B34';
const OTHER_TENANT = '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d';
const USER = '5A1C8E3F-7B2D-4C9E-A0F6-3D8B2E1C4F70';

describe('tenantOf', () => {
  it("takes Teams' channelData.tenant.id before conversation.tenantId", () => {
    expect(
      tenantOf({ channelData: { tenant: { id: TENANT } }, conversation: { tenantId: OTHER_TENANT } }),
    ).toBe(TENANT);
  });

  it('falls back to conversation.tenantId when channelData has no tenant or is not an object', () => {
    expect(tenantOf({ conversation: { tenantId: OTHER_TENANT } })).toBe(OTHER_TENANT);
    expect(tenantOf({ channelData: 'junk', conversation: { tenantId: OTHER_TENANT } })).toBe(OTHER_TENANT);
    expect(tenantOf({ channelData: { tenant: {} }, conversation: { tenantId: OTHER_TENANT } })).toBe(
      OTHER_TENANT,
    );
  });
});

describe('actorOf', () => {
  it('reads tenant and object id as lower-case uuids', () => {
    expect(actorOf({ from: { aadObjectId: USER }, channelData: { tenant: { id: TENANT } } })).toEqual({
      tenantId: TENANT.toLowerCase(),
      aadObjectId: USER.toLowerCase(),
    });
  });

  it('is null without an object id or tenant, or when either is not a uuid', () => {
    expect(actorOf({ channelData: { tenant: { id: TENANT } } })).toBeNull();
    expect(actorOf({ from: { aadObjectId: USER } })).toBeNull();
    expect(actorOf({ from: { aadObjectId: 'not-a-guid' }, conversation: { tenantId: TENANT } })).toBeNull();
    expect(actorOf({ from: { aadObjectId: USER }, conversation: { tenantId: "x' or 1=1" } })).toBeNull();
    expect(actorOf({ from: null, conversation: null })).toBeNull();
  });
});
