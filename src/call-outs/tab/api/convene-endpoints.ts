import type { ApiClient } from '../../../tab/api/client.js';
import type { CallOutMeeting, ConveneInput } from '../../convene/convene-schemas.js';

export type { CallOutMeeting } from '../../convene/convene-schemas.js';

const meetingPath = (callOutId: string) => `/call-outs/${encodeURIComponent(callOutId)}/meeting`;

/** `GET /call-outs/{id}/meeting`: the meeting (if any), who is on their way, the goal. */
export const getCallOutMeeting = (api: ApiClient, callOutId: string) =>
  api.get<CallOutMeeting>(meetingPath(callOutId));

/** `POST /call-outs/{id}/meeting`: *Bijeenkomst nu*; repeating it returns the same meeting. */
export const conveneCallOut = (api: ApiClient, callOutId: string, input: Partial<ConveneInput> = {}) =>
  api.post<CallOutMeeting>(meetingPath(callOutId), input);
