import type { NetworkRole } from '../db/schema.js';
import type { AreaRows } from './area-store.js';
import type { AreaOverview } from './schemas.js';

/**
 * Assembles municipality → district → neighbourhoods and networks from flat rows. A network that
 * belongs to a neighbourhood is listed under that neighbourhood's district. Pure: no I/O.
 */
export function buildAreaOverview(
  rows: AreaRows,
  callerFacts: Map<string, { role: NetworkRole; allyCount: number }>,
): AreaOverview {
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
          neighbourhoods: rows.areas
            .filter((area) => area.parentId === district.id)
            .map((area) => ({ id: area.id, name: area.name })),
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
              };
            }),
        })),
    })),
  };
}
