-- Continuity (issue 19, item 2): a hand-over when a staff member leaves a network. What they held (open
-- meeting actions, running signal follow-ups, allies to call in open call-outs, back-up duties) moved to a
-- colleague of the same network in one transaction; this row keeps who, when, how many and the note for the
-- successor.
create table hand_overs (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks (id) on delete cascade,
  from_user_id uuid not null references users (id) on delete cascade,
  to_user_id uuid not null references users (id) on delete cascade,
  note text check (length(note) <= 2000),
  actions integer not null default 0,
  follow_ups integer not null default 0,
  calls integer not null default 0,
  backups integer not null default 0,
  handed_over_by uuid references users (id) on delete set null,
  handed_over_at timestamptz not null default now()
);
create index hand_overs_from_idx on hand_overs (network_id, from_user_id, handed_over_at);
