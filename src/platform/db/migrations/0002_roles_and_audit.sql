-- Functional administrators of the municipality and the tamper-evident audit trail.

create table administrators (
  user_id uuid primary key references users (id) on delete cascade,
  granted_by uuid references users (id) on delete set null,
  granted_at timestamptz not null default now()
);

-- Append-only, hash-chained audit trail. Rows hold ids only, never personal data.
-- seq is gap-free: writers take a transaction-level advisory lock, read the last row and append,
-- so the chain stays linear with any number of connections and server instances.
create table audit_events (
  seq bigint primary key check (seq > 0),
  occurred_at timestamptz not null,
  actor_user_id uuid,
  action text not null check (action ~ '^[a-z][a-z-]*(\.[a-z][a-z-]*)+$'),
  object_type text,
  object_id text,
  result text not null check (result in ('success', 'denied', 'failed')),
  channel text not null check (channel in ('tab', 'bot', 'api', 'job')),
  client_address text,
  request_id text,
  prev_hash text not null check (prev_hash ~ '^[0-9a-f]{64}$'),
  hash text not null unique check (hash ~ '^[0-9a-f]{64}$')
);
create index audit_events_occurred_idx on audit_events (occurred_at);
create index audit_events_actor_idx on audit_events (actor_user_id, seq);
create index audit_events_object_idx on audit_events (object_type, object_id, seq);

create function audit_events_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_events is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_events_append_only
  before update or delete on audit_events
  for each row execute function audit_events_refuse_change();

create trigger audit_events_no_truncate
  before truncate on audit_events
  for each statement execute function audit_events_refuse_change();
