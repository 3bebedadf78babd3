-- The Teams chat thread id (19:meeting_…@thread.v2) of the online meetings the app creates (issue 22), so the
-- meeting side panel finds its meeting by an indexed equality. Teams' newer short join links
-- (https://teams.microsoft.com/meet/<id>?p=…) no longer carry the thread id, so the app asks Graph's
-- onlineMeeting resource (chatInfo.threadId) when it creates the meeting and stores the answer here.
alter table meetings add column teams_thread_id text;
alter table call_out_meetings add column teams_thread_id text;

-- Existing rows: the long join links (…/l/meetup-join/19%3ameeting_…%40thread.v2/0?context=…) carry the
-- thread id URL-encoded in their path. Only a value that decodes to the thread id's exact shape is kept (the
-- pattern of src/meetings/panel/teams-thread.ts); anything else stays null.
update meetings
set teams_thread_id = decoded
from (
  select id as meeting_id,
         replace(replace(replace(replace(substring(join_url from '/l/meetup-join/([^/?#]+)'),
           '%3a', ':'), '%3A', ':'), '%40', '@'), '%2e', '.') as decoded
  from meetings
  where join_url is not null
) as parsed
where meetings.id = parsed.meeting_id
  and decoded ~ '^19:[A-Za-z0-9_.=+/-]{1,200}@thread\.(v2|skype|tacv2)$';

update call_out_meetings
set teams_thread_id = decoded
from (
  select call_out_id as parsed_id,
         replace(replace(replace(replace(substring(join_url from '/l/meetup-join/([^/?#]+)'),
           '%3a', ':'), '%3A', ':'), '%40', '@'), '%2e', '.') as decoded
  from call_out_meetings
  where join_url is not null and not join_url_local
) as parsed
where call_out_meetings.call_out_id = parsed.parsed_id
  and decoded ~ '^19:[A-Za-z0-9_.=+/-]{1,200}@thread\.(v2|skype|tacv2)$';

-- Plain, not unique: a meeting re-created after a cancellation may in principle keep its Teams meeting, and a
-- backfill must never fail on data the app did not choose.
create index meetings_teams_thread_idx on meetings (teams_thread_id) where teams_thread_id is not null;
create index call_out_meetings_teams_thread_idx on call_out_meetings (teams_thread_id)
  where teams_thread_id is not null;
