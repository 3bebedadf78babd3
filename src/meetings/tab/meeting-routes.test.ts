import { describe, expect, it } from '@jest/globals';
import { routeFromPath } from '../../tab/routing/routes.js';
import { meetingFromPath, meetingsHref, plannerHref, yearCalendarHref } from './meeting-routes.js';

const ID = '0b6f1a52-3c1e-4d8e-9f3a-2b7c5d9e1f00';

describe('meeting routes', () => {
  it('reads the network meetings page, the planner and the year calendar from the path', () => {
    expect(meetingFromPath(`/netwerken/${ID}/overleggen`)).toEqual({ page: 'network', networkId: ID });
    expect(meetingFromPath(`/netwerken/${ID}/overleggen/`)).toEqual({ page: 'network', networkId: ID });
    expect(meetingFromPath(`/netwerken/${ID.toUpperCase()}/overleggen/plannen`)).toEqual({
      page: 'plan',
      networkId: ID,
    });
    expect(meetingFromPath('/overleggen/jaar')).toEqual({ page: 'year' });
  });

  it('is not fooled by other paths', () => {
    expect(meetingFromPath(`/netwerken/${ID}`)).toBeNull();
    expect(meetingFromPath('/netwerken/not-an-id/overleggen')).toBeNull();
    expect(meetingFromPath(`/netwerken/${ID}/overleggen/iets`)).toBeNull();
    expect(meetingFromPath('/overleggen')).toBeNull();
  });

  it('are routes of the app and keep the query in their hrefs', () => {
    expect(routeFromPath(`/netwerken/${ID}/overleggen`)).toBe('meetings');
    expect(routeFromPath(`/netwerken/${ID}/overleggen/plannen`)).toBe('meetings');
    expect(routeFromPath('/overleggen/jaar/')).toBe('meetings');
    expect(meetingsHref(ID, '?theme=dark')).toBe(`/netwerken/${ID}/overleggen?theme=dark`);
    expect(plannerHref(ID, '')).toBe(`/netwerken/${ID}/overleggen/plannen`);
    expect(yearCalendarHref('?inTeams=1')).toBe('/overleggen/jaar?inTeams=1');
  });
});
