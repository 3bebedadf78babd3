import { describe, expect, it } from '@jest/globals';
import { refuseTenant, servedTenants } from './tenant-gate.js';

const HOME = '00000000-0000-4000-8000-0000000000a1';
const POLICE = '44444444-4444-4444-8444-444444444444';
const OTHER = '55555555-5555-4555-8555-555555555555';
const from = (tenant: unknown) => ({ channelData: { tenant: { id: tenant } } });

describe('servedTenants', () => {
  it('is the sign-in allow-list with Entra, the bot tenant without, nothing without a bot', () => {
    const bot = { tenantId: HOME };
    expect(servedTenants({ aad: { allowedTenants: [HOME, POLICE.toUpperCase()] }, bot })).toEqual(
      new Set([HOME, POLICE]),
    );
    expect(servedTenants({ aad: null, bot })).toEqual(new Set([HOME]));
    expect(servedTenants({ aad: null, bot: {} })).toBeNull();
    expect(servedTenants({ aad: { allowedTenants: [HOME] }, bot: null })).toBeNull();
  });
});

describe('refuseTenant', () => {
  const served = new Set([HOME, POLICE]);
  it('lets every served tenant through, in any case, from channelData or the conversation', () => {
    expect(refuseTenant(from(POLICE.toUpperCase()), served)).toBeNull();
    expect(refuseTenant({ conversation: { tenantId: HOME } }, served)).toBeNull();
  });
  it('refuses another tenant, naming it only when it is a uuid', () => {
    expect(refuseTenant(from(OTHER), served)).toEqual({ tenantId: OTHER });
    expect(refuseTenant(from('evil; drop table'), served)).toEqual({ tenantId: null });
    expect(refuseTenant(from(42), served)).toEqual({ tenantId: null });
  });
  it('takes channelData over a conflicting conversation tenant', () => {
    expect(refuseTenant({ ...from(OTHER), conversation: { tenantId: HOME } }, served)).toEqual({
      tenantId: OTHER,
    });
  });
  it('passes activities without a tenant and everything when there is no gate', () => {
    expect(refuseTenant({}, served)).toBeNull();
    expect(refuseTenant(from(OTHER), null)).toBeNull();
  });
});
