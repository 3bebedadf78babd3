import type { ApiClient } from '../../tab/api/client.js';
import type { AbsenceList, OutlookAbsence, RecordAbsence } from '../schemas.js';

export type { Absence, AbsenceList, OutlookAbsence, RecordAbsence } from '../schemas.js';

const base = (networkId: string) => `/networks/${encodeURIComponent(networkId)}/absences`;

/** `GET /networks/{id}/absences`: the staff, who the caller may record for, and the absences not yet ended. */
export const getAbsences = (api: ApiClient, networkId: string) => api.get<AbsenceList>(base(networkId));

/** `POST /networks/{id}/absences`: records a period (oneself, or a coordinator for anyone); the list after it. */
export const postAbsence = (api: ApiClient, networkId: string, body: RecordAbsence) =>
  api.post<AbsenceList>(base(networkId), body);

/** `DELETE /networks/{id}/absences/{absenceId}`. */
export const deleteAbsence = (api: ApiClient, networkId: string, absenceId: string) =>
  api.delete(`${base(networkId)}/${encodeURIComponent(absenceId)}`);

/** `GET /networks/{id}/absences/outlook?userId=`: the period Outlook's automatic replies say, or why there is none. */
export const getOutlookAbsence = (api: ApiClient, networkId: string, userId: string) =>
  api.get<OutlookAbsence>(`${base(networkId)}/outlook?userId=${encodeURIComponent(userId)}`);
