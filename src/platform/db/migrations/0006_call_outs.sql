-- Crisis call-outs: the call-out, who it targets, the delivery outbox, answers, the allies' call list,
-- escalation timers, the timeline, per-municipality settings and the shared rate budget.
-- Everything the delivery worker needs is a row, so any instance picks up the work after a restart.

-- Escalation settings per municipality; a municipality without a row uses the defaults.
create table call_out_settings (
  municipality_id uuid primary key references municipalities (id) on delete cascade,
  -- N: minutes without an answer before a staff member's back-up gets the card
  backup_after_minutes integer not null default 10 check (backup_after_minutes between 1 and 240),
  -- K: staff answering "coming" or "calling allies" below which the next group is alerted
  min_available_staff integer not null default 2 check (min_available_staff between 0 and 100),
  -- M: minutes after the start at which K is checked
  next_group_after_minutes integer not null default 20 check (next_group_after_minutes between 1 and 240),
  -- minutes after the start at which those who have not answered get a reminder
  reminder_after_minutes integer not null default 5 check (reminder_after_minutes between 1 and 240)
);

-- The next group: the municipality's crisis team, alerted when too few staff are available.
create table call_out_crisis_team (
  municipality_id uuid not null references municipalities (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  primary key (municipality_id, user_id)
);

create table call_outs (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities (id) on delete restrict,
  started_by uuid not null references users (id) on delete restrict,
  kind text not null check (kind in ('incident', 'tension', 'planned-intervention')),
  urgency text not null check (urgency in ('immediate', 'today', 'this-week')),
  summary text not null check (length(trim(summary)) between 1 and 1000),
  ask text not null check (length(trim(ask)) between 1 and 1000),
  status text not null default 'open' check (status in ('open', 'closed')),
  started_at timestamptz not null,
  -- the method's goal: the network together within the hour
  goal_at timestamptz not null,
  -- bumped on every change a card shows; cards older than this are refreshed
  version integer not null default 1 check (version > 0),
  evaluation_note text check (length(evaluation_note) <= 4000),
  closed_at timestamptz,
  closed_by uuid references users (id) on delete set null,
  check ((status = 'closed') = (closed_at is not null))
);
create index call_outs_open_idx on call_outs (municipality_id, status, started_at desc);

create table call_out_places (
  call_out_id uuid not null references call_outs (id) on delete cascade,
  area_id uuid not null references areas (id) on delete restrict,
  primary key (call_out_id, area_id)
);

create table call_out_communities (
  call_out_id uuid not null references call_outs (id) on delete cascade,
  community_id uuid not null references communities (id) on delete restrict,
  primary key (call_out_id, community_id)
);

-- Staff who get the card, and why.
create table call_out_recipients (
  id uuid primary key default gen_random_uuid(),
  call_out_id uuid not null references call_outs (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  reason text not null check (reason in ('network-staff', 'backup', 'crisis-team')),
  network_id uuid references networks (id) on delete set null,
  -- for back-ups: whose silence brought them in
  backup_for_user_id uuid references users (id) on delete set null,
  added_at timestamptz not null,
  unique (call_out_id, user_id)
);

-- Allies to phone (no Teams), each assigned to a staff member who calls them.
create table call_out_allies (
  call_out_id uuid not null references call_outs (id) on delete cascade,
  person_id uuid not null references people (id) on delete cascade,
  network_id uuid not null references networks (id) on delete cascade,
  caller_user_id uuid not null references users (id) on delete restrict,
  primary key (call_out_id, person_id)
);
create index call_out_allies_caller_idx on call_out_allies (call_out_id, caller_user_id);

-- The outbox: one row per card to one staff recipient. Workers claim rows with FOR UPDATE SKIP LOCKED
-- and a lease (claimed_until); a lease that runs out puts the row back, so a crash loses nothing.
create table call_out_deliveries (
  id uuid primary key default gen_random_uuid(),
  call_out_id uuid not null references call_outs (id) on delete cascade,
  recipient_id uuid not null references call_out_recipients (id) on delete cascade,
  kind text not null check (kind in ('alert', 'reminder')),
  state text not null default 'pending'
    check (state in ('pending', 'sending', 'sent', 'failed', 'unreachable')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  claimed_by text,
  claimed_until timestamptz,
  service_url text,
  conversation_id text,
  activity_id text,
  last_error text check (length(last_error) <= 500),
  sent_at timestamptz,
  -- the call-out version the sent copy shows; a card update is due while it is behind
  shown_version integer,
  created_at timestamptz not null,
  unique (recipient_id, kind)
);
create index call_out_deliveries_due_idx on call_out_deliveries (next_attempt_at) where state = 'pending';
create index call_out_deliveries_lease_idx on call_out_deliveries (claimed_until) where state = 'sending';
create index call_out_deliveries_call_out_idx on call_out_deliveries (call_out_id);

-- At most one pending card update per sent copy: later changes fold into it (coalescing).
create table call_out_card_updates (
  delivery_id uuid primary key references call_out_deliveries (id) on delete cascade,
  call_out_id uuid not null references call_outs (id) on delete cascade,
  wanted_version integer not null,
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  claimed_by text,
  claimed_until timestamptz
);
create index call_out_card_updates_due_idx on call_out_card_updates (next_attempt_at);

-- One answer per staff recipient; answering again replaces it.
create table call_out_answers (
  call_out_id uuid not null references call_outs (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  answer text not null check (answer in ('coming', 'calling-allies', 'unavailable')),
  note text check (length(note) <= 500),
  eta_minutes integer check (eta_minutes between 0 and 600),
  answered_at timestamptz not null,
  primary key (call_out_id, user_id)
);

-- Outcomes of calls to allies, newest per ally counts; older ones stay for the timeline.
create table call_out_calls (
  id uuid primary key default gen_random_uuid(),
  call_out_id uuid not null,
  person_id uuid not null,
  caller_user_id uuid not null references users (id) on delete restrict,
  outcome text not null check (outcome in ('reached', 'voicemail', 'not-reached')),
  heard text check (length(heard) <= 2000),
  coming boolean not null default false,
  recorded_at timestamptz not null,
  foreign key (call_out_id, person_id) references call_out_allies (call_out_id, person_id) on delete cascade
);
create index call_out_calls_idx on call_out_calls (call_out_id, person_id, recorded_at desc);

-- Escalation timers as rows: they fire after a restart, on whichever instance claims them first.
create table call_out_timers (
  id uuid primary key default gen_random_uuid(),
  call_out_id uuid not null references call_outs (id) on delete cascade,
  kind text not null check (kind in ('backup-after-no-answer', 'next-group', 'reminder')),
  due_at timestamptz not null,
  fired_at timestamptz,
  -- for backup-after-no-answer: the silent recipient
  recipient_id uuid references call_out_recipients (id) on delete cascade
);
create index call_out_timers_due_idx on call_out_timers (due_at) where fired_at is null;

-- The call-out's timeline for the after-action review; ids only.
create table call_out_events (
  id bigint generated always as identity primary key,
  call_out_id uuid not null references call_outs (id) on delete cascade,
  at timestamptz not null,
  kind text not null check (kind ~ '^[a-z][a-z-]*$'),
  user_id uuid,
  person_id uuid,
  delivery_id uuid
);
create index call_out_events_idx on call_out_events (call_out_id, id);

-- The shared rate budget: token buckets every instance draws from with one UPDATE ... RETURNING, so
-- together they never exceed the connector's limits. One row per app+tenant, one per conversation.
create table rate_buckets (
  bucket text primary key,
  capacity double precision not null check (capacity >= 1),
  refill_per_second double precision not null check (refill_per_second > 0),
  tokens double precision not null,
  refilled_at timestamptz not null,
  -- a 429's Retry-After: nothing is sent to this bucket before then
  blocked_until timestamptz
);
