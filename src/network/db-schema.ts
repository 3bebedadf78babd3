import type { ColumnType, Generated } from 'kysely';
import type { DateOnly, Timestamp } from '../platform/db/column-types.js';

/** Bondgenotennetwerk: the table of allies and staff for one area. */
export interface NetworksTable {
  id: Generated<string>;
  municipality_id: string;
  area_id: string;
  name: string;
  status: Generated<NetworkStatus>;
  founded_on: DateOnly | null;
  created_at: Timestamp;
}

/** A network's state; an archived network keeps its records but is no longer offered or targeted (0014). */
export type NetworkStatus = 'starting' | 'active' | 'paused' | 'archived';

/** Sleutelfiguur (key figure) or bondgenoot (ally): special-category personal data. */
export interface PeopleTable {
  id: Generated<string>;
  municipality_id: string;
  display_name: string;
  kind: 'key_figure' | 'ally' | 'former_ally' | 'former_key_figure';
  is_professional: Generated<boolean>;
  mobile: string | null;
  email: string | null;
  neighbourhood_id: string | null;
  /** Achterban: a short description of the person's following. */
  following: string | null;
  preferred_channel: 'phone' | 'sms' | 'whatsapp' | 'email' | null;
  languages: Generated<string[]>;
  availability: string | null;
  age_band: AgeBand | null;
  gender: 'female' | 'male' | 'non-binary' | null;
  legal_basis: Generated<'consent' | 'public_task'>;
  consent_date: DateOnly | null;
  /** The day consent was withdrawn (0030): off call lists and future invitations; retention runs from it. */
  consent_withdrawn_on: ColumnType<string | null, string | null | undefined, string | null>;
  /** When an administrator erased the person (0030): a tombstone without personal data. */
  erased_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Optimistic concurrency: bumped on every change. */
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type AgeBand = '18-24' | '25-34' | '35-44' | '45-54' | '55-64' | '65+';

export interface NetworkPeopleTable {
  network_id: string;
  person_id: string;
}

export interface PersonCommunitiesTable {
  person_id: string;
  community_id: string;
}

export interface PersonOrganisationsTable {
  person_id: string;
  organisation_id: string;
}

export interface RelationsTable {
  id: Generated<string>;
  relation_type_id: string;
  person_id: string;
  related_person_id: string | null;
  organisation_id: string | null;
  since: DateOnly | null;
  until: DateOnly | null;
  created_at: Timestamp;
}

export interface NetworkTargetProfilesTable {
  network_id: string;
  dimension: 'age_band' | 'gender' | 'community';
  value: string;
  /** numeric(5,4): `pg` returns it as a string. */
  share: ColumnType<string | number, number, number>;
}

/** The tables network owns: networks, people and their links, relations and target profiles. */
export interface NetworkTables {
  networks: NetworksTable;
  people: PeopleTable;
  network_people: NetworkPeopleTable;
  person_communities: PersonCommunitiesTable;
  person_organisations: PersonOrganisationsTable;
  relations: RelationsTable;
  network_target_profiles: NetworkTargetProfilesTable;
  person_farewells: PersonFarewellsTable;
  network_page_stamps: NetworkPageStampsTable;
}

/**
 * The network page's change stamps (migration 0051): per network (scope = its id) and for the shared reference
 * data (scope 'reference'), bumped by triggers on every table the page reads; what a cached page is checked against.
 */
export interface NetworkPageStampsTable {
  scope: string;
  stamp: ColumnType<string, never, never>;
}

/** Afscheid: one ended membership (migration 0026); `ended_on` starts the retention clock. */
export interface PersonFarewellsTable {
  id: Generated<string>;
  person_id: string;
  kind_before: 'key_figure' | 'ally';
  ended_on: DateOnly;
  reason: 'own_wish' | 'evaluation' | 'moved' | 'integrity' | 'deceased' | 'other';
  reason_note: string | null;
  thanked: boolean;
  evaluation_id: string | null;
  recorded_by: string | null;
  recorded_at: Timestamp;
  backfilled: Generated<boolean>;
}
