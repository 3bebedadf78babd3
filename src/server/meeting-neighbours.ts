import type { MeetingNeighbours } from '../meetings/neighbours.js';
import {
  readInvitableAllies,
  readNetworkBasics,
  readNetworkCommunityIds,
  readNetworkPersonIds,
  readNetworksByName,
  readPersonNames,
} from '../network/index.js';
import { readCommunitiesByIds, readMunicipality, updateSchoolHolidayRegion } from '../setup/index.js';

/** What meetings reads and changes of network's and setup's tables, through their public API. */
export const meetingNeighbours: MeetingNeighbours = {
  network: readNetworkBasics,
  municipality: readMunicipality,
  invitableAllies: readInvitableAllies,
  networkCommunityIds: readNetworkCommunityIds,
  communities: readCommunitiesByIds,
  personNames: readPersonNames,
  networkPersonIds: readNetworkPersonIds,
  networksByName: readNetworksByName,
  setSchoolHolidayRegion: updateSchoolHolidayRegion,
};
