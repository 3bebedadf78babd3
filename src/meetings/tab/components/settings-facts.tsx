import { Facts } from '../../../tab/components/form-ui.js';
import { type Translate, useT } from '../../../tab/i18n/use-t.js';
import type { MeetingSettings } from '../meeting-endpoints.js';
import type { MeetingFormat } from './meeting-format.js';
import { observanceMessage } from './settings-section.js';

function durationText(minutes: number, t: Translate): string {
  return minutes % 60 === 0
    ? t('meetings.settings.hours', { count: minutes / 60 })
    : t('meetings.settings.minutes', { count: minutes });
}

function organiserText(settings: MeetingSettings, t: Translate): string {
  const { organiser } = settings;
  if (organiser.kind === 'none') return t('meetings.settings.organiserNone');
  const who =
    organiser.kind === 'mailbox'
      ? t('meetings.settings.organiserMailboxKind')
      : organiser.kind === 'secretary'
        ? t('meetings.settings.organiserSecretaryKind')
        : t('meetings.settings.organiserUserKind');
  return organiser.address ? `${organiser.address} (${who})` : who;
}

/** The settings as terms and values. */
export function SettingsFacts({ settings, format }: { settings: MeetingSettings; format: MeetingFormat }) {
  const t = useT();
  const effective = settings.observances.effective;
  return (
    <Facts
      items={[
        {
          term: t('meetings.settings.cadence'),
          value: t('meetings.settings.cadenceValue', {
            weeks: Math.round((settings.cadenceDays / 7) * 10) / 10,
            perYear: settings.meetingsPerYear,
          }),
        },
        {
          term: t('meetings.settings.weekdays'),
          value: settings.weekdays.map((day) => format.weekday(day)).join(', '),
        },
        { term: t('meetings.settings.startTime'), value: settings.startTime },
        { term: t('meetings.settings.duration'), value: durationText(settings.durationMinutes, t) },
        { term: t('meetings.settings.organiser'), value: organiserText(settings, t) },
        {
          term: t('meetings.settings.ramadan'),
          value: t(settings.ramadanPolicy === 'avoid' ? 'meetings.ramadan.avoid' : 'meetings.ramadan.iftar'),
        },
        {
          term: t('meetings.settings.observances'),
          value:
            effective.length === 0
              ? t('meetings.settings.noObservances')
              : effective.map((key) => t(observanceMessage[key])).join(', '),
        },
        {
          term: t('meetings.settings.meal'),
          value: settings.mealArrangements ?? t('meetings.settings.noMeal'),
        },
        {
          term: t('meetings.settings.online'),
          value: t(settings.onlineMeeting ? 'meetings.yes' : 'meetings.no'),
        },
        {
          term: t('meetings.settings.calendar'),
          value: t(settings.calendar === 'graph' ? 'meetings.calendar.graph' : 'meetings.calendar.embedded'),
        },
      ]}
    />
  );
}
