import { describe, expect, it } from '@jest/globals';
import type { AccessProfile } from '../identity/access.js';
import { decide } from '../identity/permissions.js';
import {
  canManageMeetingSettings,
  canPlanMeetings,
  canRecordMeeting,
  canViewMeetings,
  manageSchoolHolidays,
  useMeetingCalendar,
  yearCalendarNetworks,
} from './policies.js';

const THIS = 'network-a';
const OTHER = 'network-b';

function caller(roles: Record<string, 'coordinator' | 'member' | 'secretary' | 'viewer'>, admin = false) {
  return {
    userId: 'u',
    isAdministrator: admin,
    networkRoles: new Map(Object.entries(roles)),
  } satisfies AccessProfile;
}

const callers = {
  coordinator: caller({ [THIS]: 'coordinator' }),
  member: caller({ [THIS]: 'member' }),
  secretary: caller({ [THIS]: 'secretary' }),
  viewer: caller({ [THIS]: 'viewer' }),
  administrator: caller({}, true),
  staffElsewhere: caller({ [OTHER]: 'coordinator' }),
  nobody: caller({}),
};
type Caller = keyof typeof callers;

function allowedBy(rule: (profile: AccessProfile, networkId: string) => boolean): Caller[] {
  return (Object.keys(callers) as Caller[]).filter((name) => rule(callers[name], THIS));
}

describe('meeting policies', () => {
  it('canViewMeetings: the network staff, any role, and administrators', () => {
    expect(allowedBy(canViewMeetings)).toEqual([
      'coordinator',
      'member',
      'secretary',
      'viewer',
      'administrator',
    ]);
  });

  it('canPlanMeetings: coordinators and the secretary only', () => {
    expect(allowedBy(canPlanMeetings)).toEqual(['coordinator', 'secretary']);
  });

  it('canRecordMeeting: coordinators and the secretary only', () => {
    expect(allowedBy(canRecordMeeting)).toEqual(['coordinator', 'secretary']);
  });

  it('canManageMeetingSettings: coordinators and the secretary only', () => {
    expect(allowedBy(canManageMeetingSettings)).toEqual(['coordinator', 'secretary']);
  });

  it('a role in another network gives nothing here', () => {
    const elsewhere = callers.staffElsewhere;
    expect(canPlanMeetings(elsewhere, OTHER)).toBe(true);
    expect(canViewMeetings(elsewhere, THIS)).toBe(false);
  });

  it('yearCalendarNetworks: every network for administrators, otherwise the own networks', () => {
    expect(yearCalendarNetworks(callers.administrator)).toBe('all');
    expect(yearCalendarNetworks(callers.staffElsewhere)).toEqual([OTHER]);
    expect(yearCalendarNetworks(callers.nobody)).toEqual([]);
  });

  it('useMeetingCalendar: staff of any network and administrators; manageSchoolHolidays: administrators', () => {
    const passes = (permission: typeof useMeetingCalendar) =>
      (Object.keys(callers) as Caller[]).filter((name) => decide(permission, callers[name], {}).allowed);
    expect(passes(useMeetingCalendar)).toEqual([
      'coordinator',
      'member',
      'secretary',
      'viewer',
      'administrator',
      'staffElsewhere',
    ]);
    expect(passes(manageSchoolHolidays)).toEqual(['administrator']);
  });
});
