-- The audit journal: where requests record their events, sealed into the hash chain in batches.
--
-- Until now every audited request took the chain's advisory lock, read the last row and appended,
-- holding the lock until its transaction committed: one writer at a time, about 200 audited requests
-- per second for the whole application, and every reader of personal data queued behind it.
-- Now a request inserts its event here (no lock, no read; inside its own transaction when it changes
-- something, so the event commits or rolls back with the change). A sealer (src/audit/audit-sealer.ts,
-- one per instance, serialised across instances by the same advisory lock) moves committed rows into
-- audit_events in id order, assigning seq and hashes, a batch per transaction. Readers of the trail seal
-- first, so they never miss an event. Rows are only ever inserted and, by the sealer, deleted after
-- they are in the chain.
create table audit_journal (
  id bigint generated always as identity primary key,
  occurred_at timestamptz not null,
  actor_user_id uuid,
  action text not null check (action ~ '^[a-z][a-z-]*(\.[a-z][a-z-]*)+$'),
  object_type text,
  object_id text,
  result text not null check (result in ('success', 'denied', 'failed')),
  channel text not null check (channel in ('tab', 'bot', 'api', 'job')),
  client_address text,
  request_id text
);

create function audit_journal_refuse_update() returns trigger language plpgsql as $$
begin
  raise exception 'audit_journal rows cannot be changed: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_journal_no_update
  before update on audit_journal
  for each row execute function audit_journal_refuse_update();
