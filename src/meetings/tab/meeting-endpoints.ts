import type { z } from 'zod';
import type { ApiClient } from '../../tab/api/client.js';
import type { CardPreviewReply } from '../../tab/components/card-preview.js';
import type {
  createLocationSchema,
  meetingLocationSchema,
  updateLocationSchema,
} from '../locations/location-schemas.js';
import type { TeamsMeetingContext } from '../panel/panel-schemas.js';
import type {
  cancelMeetingSchema,
  createSeriesSchema,
  PlanPreview,
  planPreviewRequestSchema,
  seriesSchema,
  updateMeetingSchema,
} from '../planning/planning-schemas.js';
import type {
  actionSchema,
  MEETING_THEMES,
  MeetingAction,
  putRecordSchema,
} from '../records/record-schemas.js';
import type { OBSERVANCE_KEYS, reasonSchema } from '../schemas.js';
import type { yearCalendarSchema } from '../school-holidays/school-holiday-schemas.js';
import type { MeetingSettings, updateMeetingSettingsSchema } from '../settings/settings-schemas.js';
import type { invitationSchema, Meeting, meetingListSchema } from '../views/meeting-schemas.js';

export type { TeamsMeetingContext } from '../panel/panel-schemas.js';
export type { PlanPreview, Proposal } from '../planning/planning-schemas.js';
export type { MeetingAction } from '../records/record-schemas.js';
export type { MeetingSettings } from '../settings/settings-schemas.js';
export type { Meeting } from '../views/meeting-schemas.js';

/** A neutral location in the network's rotation. */
export type MeetingLocation = z.infer<typeof meetingLocationSchema>;
export type CreateLocation = z.input<typeof createLocationSchema>;
export type UpdateLocation = z.input<typeof updateLocationSchema>;
export type UpdateMeetingSettings = z.input<typeof updateMeetingSettingsSchema>;
/** Upcoming and past meetings (past newest first) and the network's actions. */
export type MeetingList = z.infer<typeof meetingListSchema>;
export type PlanPreviewRequest = z.input<typeof planPreviewRequestSchema>;
export type CreateSeries = z.input<typeof createSeriesSchema>;
export type MeetingSeries = z.infer<typeof seriesSchema>;
export type UpdateMeeting = z.input<typeof updateMeetingSchema>;
export type CancelMeeting = z.input<typeof cancelMeetingSchema>;
export type PutRecord = z.input<typeof putRecordSchema>;
export type MeetingInvitation = z.infer<typeof invitationSchema>;
export type YearCalendar = z.infer<typeof yearCalendarSchema>;
/** A planner reason, in both languages ("Offerfeest" / "Eid al-Adha"). */
export type PlannerReason = z.infer<typeof reasonSchema>;
export type ActionStatus = z.infer<typeof actionSchema>['status'];
export type Observance = (typeof OBSERVANCE_KEYS)[number];
export type MeetingTheme = (typeof MEETING_THEMES)[number];

/** The observances the planner knows, in the order the settings form lists them (mirrors OBSERVANCE_KEYS). */
export const observanceKeys: readonly Observance[] = [
  'islamic',
  'jewish',
  'christian',
  'hindu',
  'keti-koti',
  'chinese',
];
/** The theme list of the meeting record (mirrors MEETING_THEMES; a value import would pull zod into the tab). */
export const meetingThemes: readonly MeetingTheme[] = [
  'kennismaking',
  'veiligheidsgevoel',
  'spanningen',
  'polarisatie',
  'discriminatie',
  'radicalisering',
  'jongeren',
  'overlast',
  'ondermijning',
  'geloof-en-levensbeschouwing',
  'armoede',
  'communicatie-overheid',
  'overig',
];

const networkPath = (networkId: string) => `/networks/${encodeURIComponent(networkId)}`;
const meetingPath = (networkId: string, meetingId: string) =>
  `${networkPath(networkId)}/meetings/${encodeURIComponent(meetingId)}`;

/** `GET /networks/{id}/meeting-settings`: settings (defaults until saved), observances and warnings. */
export const getMeetingSettings = (api: ApiClient, networkId: string) =>
  api.get<MeetingSettings>(`${networkPath(networkId)}/meeting-settings`);

/** `PUT /networks/{id}/meeting-settings` (coordinators, secretary): omitted fields keep their value. */
export const putMeetingSettings = (api: ApiClient, networkId: string, change: UpdateMeetingSettings) =>
  api.put<MeetingSettings>(`${networkPath(networkId)}/meeting-settings`, change);

/** `GET /networks/{id}/meeting-locations`: in rotation order. */
export const listMeetingLocations = (api: ApiClient, networkId: string) =>
  api.get<MeetingLocation[]>(`${networkPath(networkId)}/meeting-locations`);

/** `POST /networks/{id}/meeting-locations`. */
export const createMeetingLocation = (api: ApiClient, networkId: string, location: CreateLocation) =>
  api.post<MeetingLocation>(`${networkPath(networkId)}/meeting-locations`, location);

/** `PATCH /networks/{id}/meeting-locations/{locationId}`: change, reorder or (de)activate. */
export const updateMeetingLocation = (
  api: ApiClient,
  networkId: string,
  locationId: string,
  change: UpdateLocation,
) =>
  api.patch<MeetingLocation>(
    `${networkPath(networkId)}/meeting-locations/${encodeURIComponent(locationId)}`,
    change,
  );

/** `GET /networks/{id}/meetings`: upcoming, past (newest first) and the actions. */
export const listMeetings = (api: ApiClient, networkId: string, scope: 'all' | 'upcoming' | 'past' = 'all') =>
  api.get<MeetingList>(`${networkPath(networkId)}/meetings?scope=${scope}`);

/** `POST /networks/{id}/meetings/plan-preview`: proposals and the reasons other dates were skipped. */
export const previewMeetingPlan = (api: ApiClient, networkId: string, request: PlanPreviewRequest) =>
  api.post<PlanPreview>(`${networkPath(networkId)}/meetings/plan-preview`, request);

/** `GET /networks/{id}/meetings/next-proposal/card`: the proposal card the bot sends after a record, in `locale`. */
export const getNextProposalCard = (api: ApiClient, networkId: string, locale: 'nl' | 'en') =>
  api.get<CardPreviewReply>(`${networkPath(networkId)}/meetings/next-proposal/card?lang=${locale}`);

/** `POST /networks/{id}/meetings/series`: creates the meetings and their calendar events. */
export const createMeetingSeries = (api: ApiClient, networkId: string, series: CreateSeries) =>
  api.post<MeetingSeries>(`${networkPath(networkId)}/meetings/series`, series);

/** `PATCH /networks/{id}/meetings/{meetingId}`: move it (the event follows; attendees are notified). */
export const updateMeeting = (api: ApiClient, networkId: string, meetingId: string, change: UpdateMeeting) =>
  api.patch<Meeting>(meetingPath(networkId, meetingId), change);

/** `POST /networks/{id}/meetings/{meetingId}/cancel`: the calendar sends the cancellation with the reason. */
export const cancelMeeting = (api: ApiClient, networkId: string, meetingId: string, cancel: CancelMeeting) =>
  api.post<Meeting>(`${meetingPath(networkId, meetingId)}/cancel`, cancel);

/** `GET /networks/{id}/meetings/{meetingId}/invitation`: the .ics text for the local calendar. */
export const getMeetingInvitation = (api: ApiClient, networkId: string, meetingId: string) =>
  api.get<MeetingInvitation>(`${meetingPath(networkId, meetingId)}/invitation`);

/** `PUT /networks/{id}/meetings/{meetingId}/record`: attendance, themes, mood and actions; marks it held. */
export const putMeetingRecord = (api: ApiClient, networkId: string, meetingId: string, record: PutRecord) =>
  api.put<Meeting>(`${meetingPath(networkId, meetingId)}/record`, record);

/** `PATCH /networks/{id}/meeting-actions/{actionId}`: open, done or dropped. */
export const updateMeetingAction = (
  api: ApiClient,
  networkId: string,
  actionId: string,
  change: { version: number; status: ActionStatus },
) =>
  api.patch<MeetingAction>(
    `${networkPath(networkId)}/meeting-actions/${encodeURIComponent(actionId)}`,
    change,
  );

/** `GET /meetings/year-calendar?year=`: a year's meetings across the networks the caller may see. */
export const getMeetingYearCalendar = (api: ApiClient, year: number) =>
  api.get<YearCalendar>(`/meetings/year-calendar?year=${year}`);

/** `POST /networks/{id}/meetings/{meetingId}/calendar-sync`: retries a missing calendar event (never twice). */
export const syncMeetingCalendar = (api: ApiClient, networkId: string, meetingId: string) =>
  api.post<Meeting>(`${meetingPath(networkId, meetingId)}/calendar-sync`, {});

/** `GET /networks/{id}/meetings/{meetingId}`: one meeting, with the attendees' responses read back from the calendar. */
export const getMeeting = (api: ApiClient, networkId: string, meetingId: string) =>
  api.get<Meeting>(meetingPath(networkId, meetingId));

/** `POST /networks/{id}/meetings/date-check`: why the planner would skip a manually chosen date. */
export const checkMeetingDate = (
  api: ApiClient,
  networkId: string,
  check: { start: string; end: string; meetingId?: string },
) =>
  api.post<{ date: string; reasons: z.infer<typeof reasonSchema>[] }>(
    `${networkPath(networkId)}/meetings/date-check`,
    check,
  );

/** `GET /teams-meetings/context?threadId=`: the meeting side panel's look-up by the meeting chat's thread id. */
export const getTeamsMeetingContext = (api: ApiClient, threadId: string) =>
  api.get<TeamsMeetingContext>(`/teams-meetings/context?threadId=${encodeURIComponent(threadId)}`);
