-- Continuity (issue 19, item 1): a staff member's absence period. While it runs, call-out cards go to the
-- back-up first (the absent person still gets one, marked as absent), the network page and crisis sheet show
-- it, and the meeting planner treats the person as unavailable. Whole local days, both ends inclusive.
create table staff_absences (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  starts_on date not null,
  ends_on date not null,
  -- 'manual': typed in the tab or API; 'outlook': taken from the staff member's automatic replies
  source text not null default 'manual' check (source in ('manual', 'outlook')),
  note text check (length(note) <= 500),
  recorded_by uuid references users (id) on delete set null,
  recorded_at timestamptz not null default now(),
  check (starts_on <= ends_on)
);
create index staff_absences_user_idx on staff_absences (user_id, ends_on);

-- The recipient was absent when the call-out started: their card is marked so, and their back-up's went first.
alter table call_out_recipients add column absent boolean not null default false;
