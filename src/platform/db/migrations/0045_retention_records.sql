-- Issue 18, item 1: retention of call-out records and meeting records. The day a closed call-out's or a past
-- meeting's personal parts were expired by the retention job; the job skips what is marked, so a record is
-- expired (and counted) once.
alter table call_outs add column records_expired_at timestamptz;
alter table meetings add column records_expired_at timestamptz;

-- A call list row of an expired call-out is pseudonymised: its person id becomes an id no person has, the
-- same one in the row, its calls and its timeline lines (so the call-out's counts stay), derived with a key
-- the job throws away. The row therefore no longer points at people; its calls follow the change of id.
alter table call_out_allies drop constraint call_out_allies_person_id_fkey;
alter table call_out_calls drop constraint call_out_calls_call_out_id_person_id_fkey;
alter table call_out_calls add constraint call_out_calls_call_out_id_person_id_fkey
  foreign key (call_out_id, person_id) references call_out_allies (call_out_id, person_id)
  on update cascade on delete cascade;
