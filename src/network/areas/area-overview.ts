import type { NetworkRole } from '../../platform/db/schema.js';
import { networkWarnings } from '../page/network-warnings.js';
import type { AreaOverview, NetworkWarning } from '../schemas.js';
import type { AreaRows, StaffFact } from './area-store.js';

/** What the caller may know about the networks' condition, beyond their own role and ally counts. */
export interface OverviewWarningFacts {
  staff: StaffFact[];
  /** Coverage gaps per network, for the networks where the caller holds a role. */
  gaps: Map<string, number>;
  /** Administrators see the staffing warnings of every network (they assign the roles). */
  isAdministrator: boolean;
}

const STAFFING_CODES = new Set<NetworkWarning['code']>([
  'no-gemeente-staff',
  'no-politie-staff',
  'staff-without-backup',
  'absent-without-backup',
  'newcomer-not-introduced',
]);

/**
 * Assembles municipality → district → neighbourhoods and networks from flat rows. A network that
 * belongs to a neighbourhood is listed under that neighbourhood's district. Pure: no I/O.
 */
export function buildAreaOverview(
  rows: AreaRows,
  callerFacts: Map<string, { role: NetworkRole; allyCount: number }>,
  warningFacts: OverviewWarningFacts = { staff: [], gaps: new Map(), isAdministrator: false },
): AreaOverview {
  const staffOf = new Map<string, StaffFact[]>();
  for (const member of warningFacts.staff)
    staffOf.set(member.networkId, [...(staffOf.get(member.networkId) ?? []), member]);
  const limitsOf = new Map(rows.municipalities.map((m) => [m.id, m.limits]));
  const warningsFor = (network: AreaRows['networks'][number]): NetworkWarning[] | null => {
    const facts = callerFacts.get(network.id);
    if (!facts && !warningFacts.isAdministrator) return null;
    const staff = staffOf.get(network.id) ?? [];
    const all = networkWarnings({
      staff,
      notIntroduced: staff.filter((member) => member.notIntroduced).map((member) => member.userId),
      allies: facts?.allyCount ?? 0,
      limits: limitsOf.get(network.municipalityId) ?? { soft: Infinity, hard: Infinity },
      coverageGaps: facts ? (warningFacts.gaps.get(network.id) ?? 0) : 0,
    });
    return facts ? all : all.filter((warning) => STAFFING_CODES.has(warning.code));
  };

  const districtOf = new Map<string, string>();
  for (const area of rows.areas)
    districtOf.set(area.id, area.kind === 'district' ? area.id : (area.parentId ?? area.id));

  return {
    municipalities: rows.municipalities.map((municipality) => ({
      id: municipality.id,
      name: municipality.name,
      districts: rows.areas
        .filter((area) => area.municipalityId === municipality.id && area.kind === 'district')
        .map((district) => ({
          id: district.id,
          name: district.name,
          archived: district.archived,
          neighbourhoods: rows.areas
            .filter((area) => area.parentId === district.id)
            .map((area) => ({ id: area.id, name: area.name, archived: area.archived })),
          networks: rows.networks
            .filter((network) => districtOf.get(network.areaId) === district.id)
            .map((network) => {
              const facts = callerFacts.get(network.id);
              return {
                id: network.id,
                name: network.name,
                status: network.status,
                foundedOn: network.foundedOn,
                areaId: network.areaId,
                myRole: facts?.role ?? null,
                allyCount: facts?.allyCount ?? null,
                warnings: warningsFor(network),
              };
            }),
        })),
    })),
  };
}
