import type { CommunityKind, ObservanceTradition } from '../../../meetings/constants.js';

/**
 * The shapes of the network-management operations setup's pages call (communities, networks, ally limits),
 * written out zod-free: network declares those routes with its own schemas
 * (src/network/management/management-schemas.ts), which a capability's tab may not import.
 * tests/setup/management-replies.test.ts holds each type equal to its schema's, so they cannot drift.
 */

/** A network's status: starting, active, paused or archived (archived networks keep their records). */
export type ManagedNetworkStatus = 'starting' | 'active' | 'paused' | 'archived';

/** `ManagedNetwork`: a network as starting or changing it answers. */
export interface NetworkSummary {
  id: string;
  name: string;
  status: ManagedNetworkStatus;
  foundedOn: string | null;
  areaId: string;
}

/** `ManagedNetworkListItem`: a network in the administrators' list, archived ones included, with its area. */
export interface ManagedNetwork extends NetworkSummary {
  areaName: string;
  areaKind: 'district' | 'neighbourhood';
}

/** `CreateNetwork`, the fields setup's page sends. */
export interface StartNetwork {
  name: string;
  areaId: string;
}

/** `UpdateNetwork`: rename, pause, resume, archive or restore. */
export interface ChangeNetwork {
  name?: string;
  status?: ManagedNetworkStatus;
  foundedOn?: string | null;
}

/** `MunicipalitySettings`: the municipality's ally soft and hard limits. */
export interface AllyLimits {
  allySoftLimit: number;
  allyHardLimit: number;
}

/** `ManagedCommunity`: a community in the managed list, with its kind, traditions and warnings. */
export interface ManagedCommunity {
  id: string;
  name: string;
  category: CommunityKind;
  traditions: ObservanceTradition[];
  archived: boolean;
  /** 'no-tradition': a faith community without a tradition, so the planner respects nothing for it. */
  warnings: 'no-tradition'[];
}

/** `CreateCommunity`. */
export interface CreateCommunity {
  name: string;
  category: CommunityKind;
  traditions?: ObservanceTradition[];
}

/** `UpdateCommunity`: at least one field. */
export interface UpdateCommunity {
  name?: string;
  category?: CommunityKind;
  traditions?: ObservanceTradition[];
  archived?: boolean;
}
