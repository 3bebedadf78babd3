-- Farewell (afscheid): ending someone's membership records when, why, and whether they were thanked. A key
-- figure who leaves becomes 'former_key_figure' (an ally 'former_ally'), so every list that picks allies or key
-- figures (call list, crisis sheet, meeting invitations, coverage) leaves them out at once.
alter table people drop constraint people_kind_check;
alter table people
  add constraint people_kind_check check (kind in ('key_figure', 'ally', 'former_ally', 'former_key_figure'));

-- One row per ended membership. `ended_on` is the retention clock's start (the privacy capability's
-- retention rules count from it); a person who returns and leaves again gets a second row.
create table person_farewells (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people (id) on delete cascade,
  kind_before text not null check (kind_before in ('key_figure', 'ally')),
  ended_on date not null,
  reason text not null check (reason in ('own_wish', 'evaluation', 'moved', 'integrity', 'deceased', 'other')),
  reason_note text check (length(reason_note) <= 1000),
  thanked boolean not null,
  -- the half-yearly evaluation that led to it, if any (no foreign key: evaluations are another capability's)
  evaluation_id uuid,
  recorded_by uuid references users (id) on delete set null,
  recorded_at timestamptz not null default now(),
  -- rows written by this migration for people who were already former allies: no reason was ever recorded
  backfilled boolean not null default false,
  check (reason <> 'other' or reason_note is not null or backfilled)
);
create index person_farewells_person_idx on person_farewells (person_id);
create index person_farewells_ended_on_idx on person_farewells (ended_on);

-- Former allies from before this migration get a farewell dated at their last change, so the retention clock
-- has a start for them too; the reason stays 'other' without a note, marked as backfilled.
insert into person_farewells (person_id, kind_before, ended_on, reason, thanked, backfilled)
select id, 'ally', (updated_at at time zone 'Europe/Amsterdam')::date, 'other', false, true
from people where kind = 'former_ally';
