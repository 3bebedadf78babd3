import type { z } from 'zod';
import type { ApiClient } from '../../../tab/api/client.js';
import type { callOutSettingsSchema, EscalationSettingsInput } from '../../settings/settings-schemas.js';

/** The municipality's escalation settings and crisis team, as `GET /call-out-settings` answers. */
export type CallOutSettings = z.infer<typeof callOutSettingsSchema>;
export type EscalationNumbers = EscalationSettingsInput;
export type CrisisTeamMember = CallOutSettings['crisisTeam'][number];

/** `GET /call-out-settings` (administrators and coordinators). */
export const getCallOutSettings = (api: ApiClient) => api.get<CallOutSettings>('/call-out-settings');

/** `PUT /call-out-settings` (administrators): replace the four numbers. */
export const putCallOutSettings = (api: ApiClient, settings: EscalationNumbers) =>
  api.put<CallOutSettings>('/call-out-settings', settings);

/** `PUT /call-out-settings/crisis-team` (administrators): replace the whole crisis team. */
export const putCrisisTeam = (api: ApiClient, userIds: string[]) =>
  api.put<CallOutSettings>('/call-out-settings/crisis-team', { userIds });
