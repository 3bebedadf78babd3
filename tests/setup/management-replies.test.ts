import { describe, expect, it } from '@jest/globals';
import type { z } from 'zod';
import type {
  createCommunitySchema,
  createNetworkSchema,
  managedCommunitySchema,
  managedNetworkListItemSchema,
  municipalitySettingsSchema,
  networkSummaryOutSchema,
  updateCommunitySchema,
  updateNetworkSchema,
} from '../../src/network/management/management-schemas.js';
import type {
  AllyLimits,
  ChangeNetwork,
  CreateCommunity,
  ManagedCommunity,
  ManagedNetwork,
  NetworkSummary,
  StartNetwork,
  UpdateCommunity,
} from '../../src/setup/tab/api/management-replies.js';

/**
 * True only when A and B are the same type (each assignable to the other is not enough: this also tells `any`
 * and optional properties apart). `sameType<A, B>(true)` therefore does not compile when the two drift, and
 * `npm run typecheck` (which includes tests/) fails.
 */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

function sameType<A, B>(proof: Equal<A, B>): void {
  expect(proof).toBe(true);
}

// Setup's tab writes the network-management shapes out zod-free (its tab may not import network's schemas);
// the type checker (npm run typecheck) holds each equal to the schema the route declares.
describe("setup's tab types of the network-management operations", () => {
  it('are the replies of the schemas the routes declare', () => {
    sameType<NetworkSummary, z.infer<typeof networkSummaryOutSchema>>(true);
    sameType<ManagedNetwork, z.infer<typeof managedNetworkListItemSchema>>(true);
    sameType<AllyLimits, z.infer<typeof municipalitySettingsSchema>>(true);
    sameType<ManagedCommunity, z.infer<typeof managedCommunitySchema>>(true);
  });

  it('are the requests the schemas accept', () => {
    sameType<StartNetwork, Pick<z.input<typeof createNetworkSchema>, 'name' | 'areaId'>>(true);
    sameType<ChangeNetwork, z.input<typeof updateNetworkSchema>>(true);
    sameType<CreateCommunity, z.input<typeof createCommunitySchema>>(true);
    sameType<UpdateCommunity, z.input<typeof updateCommunitySchema>>(true);
  });
});
