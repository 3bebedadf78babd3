import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../platform/db/column-types.js';

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

/** The tables setup owns: the municipality, its areas and the catalogues (communities, organisations, relation types). */
export interface SetupTables {
  municipalities: MunicipalitiesTable;
  areas: AreasTable;
  communities: CommunitiesTable;
  organisations: OrganisationsTable;
  neighbourhood_communities: NeighbourhoodCommunitiesTable;
  relation_types: RelationTypesTable;
}
