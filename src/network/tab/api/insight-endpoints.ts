import type { ApiClient, Download } from '../../../tab/api/client.js';
import type { Representativeness } from '../../insight/insight-schemas.js';
import type { NetworkGraph } from '../../relations/relation-schemas.js';
import type { Coverage } from '../../schemas.js';
import type { CrisisSheet, ImportPreview } from '../../transfer/transfer-schemas.js';

export type { Representativeness } from '../../insight/insight-schemas.js';
export type { NetworkGraph } from '../../relations/relation-schemas.js';
export type { Coverage, NetworkWarning } from '../../schemas.js';
export type {
  CrisisContact,
  CrisisSheet,
  ImportPreview,
  ImportRow,
} from '../../transfer/transfer-schemas.js';

/** One dimension of the afspiegeling: age band, gender or community. */
export type Dimension = Representativeness['dimensions'][number]['dimension'];

/** A dimension's target mix: per value its share of the allies (0..1). */
export interface TargetShare {
  value: string;
  share: number;
}

/** What a successful import stored, with warnings such as "above the soft limit". */
export interface ImportResult {
  imported: number;
  warnings: ImportPreview['warnings'];
}

const networkPath = (networkId: string) => `/networks/${encodeURIComponent(networkId)}`;

/** `GET /networks/{id}/coverage`: communities × wijken with the gaps. */
export const getCoverage = (api: ApiClient, networkId: string) =>
  api.get<Coverage>(`${networkPath(networkId)}/coverage`);

/** `PUT /networks/{id}/coverage/relevance` (coordinators): the communities that matter in one wijk. */
export const setRelevance = (
  api: ApiClient,
  networkId: string,
  neighbourhoodId: string,
  communityIds: string[],
) => api.put<Coverage>(`${networkPath(networkId)}/coverage/relevance`, { neighbourhoodId, communityIds });

/** `GET /networks/{id}/representativeness`: the allies' mix per dimension next to the target. */
export const getRepresentativeness = (api: ApiClient, networkId: string) =>
  api.get<Representativeness>(`${networkPath(networkId)}/representativeness`);

/** `PUT /networks/{id}/target-profile` (coordinators): 400 when the shares add up to more than 100%. */
export const setTargetProfile = (
  api: ApiClient,
  networkId: string,
  dimension: Dimension,
  targets: TargetShare[],
) => api.put<Representativeness>(`${networkPath(networkId)}/target-profile`, { dimension, targets });

/** `GET /networks/{id}/graph`: people, organisations and communities with the lines between them. */
export const getGraph = (api: ApiClient, networkId: string) =>
  api.get<NetworkGraph>(`${networkPath(networkId)}/graph`);

/** `POST /networks/{id}/imports/preview` (coordinators): every row of the file with its errors; stores nothing. */
/** The file to check or import: CSV text, or an Excel workbook in base64. */
export type ImportSource = { csv: string } | { xlsx: string };

export const previewImport = (api: ApiClient, networkId: string, source: ImportSource) =>
  api.post<ImportPreview>(`${networkPath(networkId)}/imports/preview`, source);

/** `POST /networks/{id}/imports` (coordinators): every row, or none when any row has an error. */
export const importPeople = (api: ApiClient, networkId: string, source: ImportSource) =>
  api.post<ImportResult>(`${networkPath(networkId)}/imports`, source);

/** The API path of the network's CSV export. */
export const exportPath = (networkId: string) => `${networkPath(networkId)}/export`;

/** `GET /networks/{id}/export` (coordinators) fetched as a file, for when a plain link cannot sign the call. */
export const downloadExport = (api: ApiClient, networkId: string): Promise<Download> =>
  api.download(exportPath(networkId), 'bondgenoten-export.csv');

/** `GET /networks/{id}/crisis-sheet`: staff with back-ups, allies and key figures with their mobile numbers. */
export const getCrisisSheet = (api: ApiClient, networkId: string) =>
  api.get<CrisisSheet>(`${networkPath(networkId)}/crisis-sheet`);
