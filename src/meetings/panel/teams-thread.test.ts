import { describe, expect, it } from '@jest/globals';
import { threadIdFromJoinUrl, threadIdFromMeetingId } from './teams-thread.js';

const THREAD = '19:meeting_ZmljdGllZi1vdmVybGVn@thread.v2';
const JOIN = `https://teams.microsoft.com/l/meetup-join/19%3ameeting_ZmljdGllZi1vdmVybGVn%40thread.v2/0?context=%7b%22Tid%22%3a%22x%22%7d`;

describe('threadIdFromJoinUrl', () => {
  it('reads the thread id from a Graph join link, lower- or upper-case escapes alike', () => {
    expect(threadIdFromJoinUrl(JOIN)).toBe(THREAD);
    expect(threadIdFromJoinUrl(JOIN.replace('%3a', '%3A').replace('%40', '%40'))).toBe(THREAD);
  });

  it('gives null for a local placeholder link, the short /meet/ link and a broken escape', () => {
    expect(threadIdFromJoinUrl('http://localhost:3978/lokaal/bijeenkomst/abc')).toBeNull();
    expect(threadIdFromJoinUrl('https://teams.microsoft.com/meet/2345678?p=abc')).toBeNull();
    expect(
      threadIdFromJoinUrl('https://teams.microsoft.com/l/meetup-join/19%3ameeting_%E0%A4%A/0'),
    ).toBeNull();
  });
});

describe('threadIdFromMeetingId', () => {
  it('decodes the base64 meeting id of the teams-js context', () => {
    expect(threadIdFromMeetingId(btoa(`0#${THREAD}#0`))).toBe(THREAD);
  });

  it('gives null for text that is not base64 or holds no thread id', () => {
    expect(threadIdFromMeetingId('not base64!')).toBeNull();
    expect(threadIdFromMeetingId(btoa('0#something else#0'))).toBeNull();
  });
});
