/** The meeting operations, one sub-area per folder; routes and the public index import from here. */

export * from './calendar-sync/calendar-sync-service.js';
export * from './locations/location-service.js';
export * from './planning/meeting-changes-service.js';
export * from './planning/planning-service.js';
export * from './records/record-service.js';
export * from './rotation/participant-service.js';
export * from './school-holidays/year-calendar-service.js';
export * from './service-kit.js';
export * from './settings/settings-service.js';
export * from './views/meeting-views.js';
