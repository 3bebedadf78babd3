-- The half-yearly evaluation ("zitten de juiste mensen aan tafel?", seed 002 / seed 003 step 5): per network a
-- due date (configurable; after each evaluation the next is due six months later), the stored evaluations
-- with the network-level answers, and per ally the decision with the figures the coordinators saw.
create table evaluation_schedules (
  network_id uuid primary key references networks (id) on delete cascade,
  next_due_on date not null,
  updated_at timestamptz not null default now()
);

create table evaluations (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks (id) on delete cascade,
  period_from date not null,
  period_to date not null,
  held_on date not null,
  -- the network-level questions: the mix against the target profile, gaps in coverage, anything else
  mix_note text check (length(mix_note) <= 2000),
  gaps_note text check (length(gaps_note) <= 2000),
  general_note text check (length(general_note) <= 2000),
  -- what the coverage showed when the evaluation was held: relevant wijk × community cells without an ally
  coverage_gaps integer not null default 0,
  recorded_by uuid references users (id) on delete set null,
  recorded_at timestamptz not null default now(),
  check (period_from <= period_to)
);
create index evaluations_network_idx on evaluations (network_id, held_on);

create table evaluation_allies (
  evaluation_id uuid not null references evaluations (id) on delete cascade,
  person_id uuid not null references people (id) on delete cascade,
  decision text not null check (decision in ('continue', 'talk', 'goodbye')),
  note text check (length(note) <= 1000),
  meetings_held integer not null,
  meetings_attended integer not null,
  call_outs integer not null,
  call_outs_reached integer not null,
  primary key (evaluation_id, person_id)
);
create index evaluation_allies_person_idx on evaluation_allies (person_id);
