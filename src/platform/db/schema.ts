import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { CallOutTables } from '../../call-outs/db-schema.js';
import type { MeetingBotTables } from '../../meetings/bot/db-schema.js';
import type { MeetingsTables } from '../../meetings/db-schema.js';
import type { TeamsTables } from '../../teams/db-schema.js';

/** A timestamptz column: read as Date, written as Date or ISO string, defaulted by the database. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** A date column (no time), kept as a 'YYYY-MM-DD' string on both engines so no time zone can shift it. */
type DateOnly = ColumnType<string, string | null | undefined, string | null>;

/** Gemeente (municipality): the level that owns every network; a network never crosses its border. */
export interface MunicipalitiesTable {
  id: Generated<string>;
  name: string;
  cbs_code: string;
  latitude: number;
  longitude: number;
  /** Above this many allies the tab warns (seed 003: up to 10 citizens at the table). */
  ally_soft_limit: Generated<number>;
  /** Above this many allies a change is refused (seed 002: up to 15 allies). */
  ally_hard_limit: Generated<number>;
  /** Rijksoverheid school holiday region (migration 0004); null until an administrator sets it. */
  school_holiday_region: ColumnType<
    'noord' | 'midden' | 'zuid' | null,
    'noord' | 'midden' | 'zuid' | null | undefined,
    'noord' | 'midden' | 'zuid' | null
  >;
  created_at: Timestamp;
}

/** Stadsdeel (district) or wijk (neighbourhood) inside a municipality. */
export interface AreasTable {
  id: Generated<string>;
  municipality_id: string;
  parent_id: string | null;
  kind: 'district' | 'neighbourhood';
  name: string;
  /** CBS wijkcode (`WK` + six digits), neighbourhoods only; optional. */
  cbs_code: ColumnType<string | null, string | null | undefined, string | null>;
  /** Archived areas stay on existing records but are not offered for new networks or people. */
  archived: Generated<boolean>;
}

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

/** A staff member (gemeente or politie) known by Entra tenant and object id. */
export interface UsersTable {
  id: Generated<string>;
  tenant_id: string;
  aad_object_id: string;
  display_name: string;
  email: string | null;
  organisation: 'gemeente' | 'politie' | null;
  job_title: string | null;
  /** Work phone from the directory (Graph mobilePhone or first businessPhones), for the crisis sheet. */
  phone: ColumnType<string | null, string | null | undefined, string | null>;
  /** Added by e-mail from another allowed tenant; `aad_object_id` is a placeholder until the first sign-in. */
  awaiting_sign_in: Generated<boolean>;
  created_at: Timestamp;
}

export type NetworkRole = 'coordinator' | 'member' | 'secretary' | 'viewer';

/** A network's state; an archived network keeps its records but is no longer offered or targeted (0014). */
export type NetworkStatus = 'starting' | 'active' | 'paused' | 'archived';

export interface NetworkRolesTable {
  network_id: string;
  user_id: string;
  role: NetworkRole;
  /** Who takes over when this staff member is absent. */
  backup_user_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A community or group (religious, by origin, or otherwise) that key figures represent. */
export interface CommunitiesTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  category: 'religion' | 'origin' | 'group';
  archived: Generated<boolean>;
  /** Observance traditions the meeting planner respects for this community (see src/meetings/constants.ts). */
  traditions: Generated<string[]>;
}

export interface OrganisationsTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  kind: string;
  /** Archived: stays on existing relations, no longer offered for new ones. */
  archived: Generated<boolean>;
}

/** Sleutelfiguur (key figure) or bondgenoot (ally): special-category personal data. */
export interface PeopleTable {
  id: Generated<string>;
  municipality_id: string;
  display_name: string;
  kind: 'key_figure' | 'ally' | 'former_ally';
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

export interface LocalSessionsTable {
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface ConversationReferencesTable {
  id: Generated<string>;
  conversation_id: string;
  channel_user_id: string;
  aad_object_id: string | null;
  tenant_id: string | null;
  conversation_type: string | null;
  service_url: string;
  reference: JSONColumnType<Record<string, unknown>>;
  updated_at: Timestamp;
}

/** A functional administrator of the municipality: manages networks and roles. */
export interface AdministratorsTable {
  user_id: string;
  granted_by: string | null;
  granted_at: Timestamp;
}

/** One row of the append-only, hash-chained audit trail; ids only. */
export interface AuditEventsTable {
  /** bigint: `pg` returns it as a string, PGlite as a number. */
  seq: ColumnType<string | number, number, never>;
  occurred_at: ColumnType<Date, Date, never>;
  actor_user_id: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  result: 'success' | 'denied' | 'failed';
  channel: 'tab' | 'bot' | 'api' | 'job';
  client_address: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

/** An audit event waiting to be sealed into the chain (see 0007_audit_journal.sql). */
export interface AuditJournalTable {
  /** bigint identity: `pg` returns it as a string, PGlite as a number. */
  id: ColumnType<string | number, never, never>;
  occurred_at: ColumnType<Date, Date, never>;
  actor_user_id: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  result: 'success' | 'denied' | 'failed';
  channel: 'tab' | 'bot' | 'api' | 'job';
  client_address: string | null;
  request_id: string | null;
}

export interface NeighbourhoodCommunitiesTable {
  area_id: string;
  community_id: string;
}

/** A kind of relation, labelled both ways ("chairs" / "chaired by"). */
export interface RelationTypesTable {
  id: Generated<string>;
  municipality_id: string;
  label: string;
  inverse_label: string;
  target_kind: 'person' | 'organisation';
  /** Archived: stays on existing relations, no longer offered for new ones. */
  archived: Generated<boolean>;
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

/** Every table the application reads or writes, for Kysely's typed queries. */
export interface Database extends MeetingsTables, MeetingBotTables, CallOutTables, TeamsTables {
  municipalities: MunicipalitiesTable;
  areas: AreasTable;
  networks: NetworksTable;
  users: UsersTable;
  network_roles: NetworkRolesTable;
  communities: CommunitiesTable;
  organisations: OrganisationsTable;
  people: PeopleTable;
  network_people: NetworkPeopleTable;
  person_communities: PersonCommunitiesTable;
  person_organisations: PersonOrganisationsTable;
  local_sessions: LocalSessionsTable;
  conversation_references: ConversationReferencesTable;
  administrators: AdministratorsTable;
  audit_events: AuditEventsTable;
  audit_journal: AuditJournalTable;
  neighbourhood_communities: NeighbourhoodCommunitiesTable;
  relation_types: RelationTypesTable;
  relations: RelationsTable;
  network_target_profiles: NetworkTargetProfilesTable;
}
