import type { AnyApiRoute } from '../identity/api-route.js';
import { locationRoutes } from './locations/location-routes.js';
import type { MeetingDeps } from './meeting-service.js';
import type { MeetingsDeps } from './module.js';
import { panelRoutes } from './panel/panel-routes.js';
import { dateCheckRoutes } from './planning/date-check-routes.js';
import { planningRoutes } from './planning/planning-routes.js';
import { recordRoutes } from './records/record-routes.js';
import { participantRoutes } from './rotation/participant-routes.js';
import { schoolHolidayRoutes } from './school-holidays/school-holiday-routes.js';
import { settingsRoutes } from './settings/settings-routes.js';
import { meetingViewRoutes } from './views/meeting-routes.js';

/** Meetings (bondgenotenoverleg): settings, locations, planning, Outlook events, records and actions. */
export function meetingRoutes(deps: MeetingsDeps): AnyApiRoute[] {
  const meetings: MeetingDeps = {
    db: deps.db,
    calendar: deps.calendar,
    logger: deps.logger,
    now: deps.now,
    notifier: deps.meetingNotifier,
    followUps: deps.followUps,
    neighbours: deps.neighbours,
  };
  return [
    ...settingsRoutes(meetings),
    ...locationRoutes(meetings),
    ...participantRoutes(meetings),
    ...planningRoutes(meetings, deps.config.publicUrl.replace(/\/*$/, '/')),
    ...dateCheckRoutes(meetings),
    ...meetingViewRoutes(meetings),
    ...recordRoutes(meetings),
    ...panelRoutes({ ...meetings, callOutMeetings: deps.callOutMeetings }),
    ...schoolHolidayRoutes(meetings),
  ];
}
