import { describe, expectTypeOf, it } from 'vitest';
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

// Setup's tab writes the network-management shapes out zod-free (its tab may not import network's schemas);
// the type checker (npm run typecheck) holds each equal to the schema the route declares.
describe("setup's tab types of the network-management operations", () => {
  it('are the replies of the schemas the routes declare', () => {
    expectTypeOf<NetworkSummary>().toEqualTypeOf<z.infer<typeof networkSummaryOutSchema>>();
    expectTypeOf<ManagedNetwork>().toEqualTypeOf<z.infer<typeof managedNetworkListItemSchema>>();
    expectTypeOf<AllyLimits>().toEqualTypeOf<z.infer<typeof municipalitySettingsSchema>>();
    expectTypeOf<ManagedCommunity>().toEqualTypeOf<z.infer<typeof managedCommunitySchema>>();
  });

  it('are the requests the schemas accept', () => {
    expectTypeOf<StartNetwork>().toEqualTypeOf<
      Pick<z.input<typeof createNetworkSchema>, 'name' | 'areaId'>
    >();
    expectTypeOf<ChangeNetwork>().toEqualTypeOf<z.input<typeof updateNetworkSchema>>();
    expectTypeOf<CreateCommunity>().toEqualTypeOf<z.input<typeof createCommunitySchema>>();
    expectTypeOf<UpdateCommunity>().toEqualTypeOf<z.input<typeof updateCommunitySchema>>();
  });
});
