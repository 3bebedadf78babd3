-- Issue 17: signals between meetings, their follow-up, the contact log, and the theme list they share.
--
-- Themes are kept by the administrators (codes are stable, labels change); the defaults are the method's
-- (DOMAIN.md "Signals", seeds 002-004). International conflicts stay out of the local focus (seed 003):
-- there is no "wereldgebeurtenissen" theme, and "armoede" (seed 004) is one.
create table signal_themes (
  code text primary key check (code ~ '^[a-z][a-z0-9-]{1,39}$'),
  label_nl text not null check (length(label_nl) between 1 and 80),
  label_en text not null check (length(label_en) between 1 and 80),
  position integer not null default 0,
  archived boolean not null default false,
  created_at timestamptz not null default now()
);
insert into signal_themes (code, label_nl, label_en, position) values
  ('polarisatie', 'Polarisatie', 'Polarisation', 10),
  ('radicalisering', 'Radicalisering', 'Radicalisation', 20),
  ('overlast', 'Overlast', 'Nuisance', 30),
  ('discriminatie', 'Discriminatie', 'Discrimination', 40),
  ('armoede', 'Armoede', 'Poverty', 50),
  ('jongeren', 'Jongeren', 'Youth', 60),
  ('veiligheidsgevoel', 'Veiligheidsgevoel', 'Feeling of safety', 70),
  ('spanningen', 'Spanningen', 'Tensions', 80),
  ('ondermijning', 'Ondermijning', 'Organised crime', 90),
  ('pesten', 'Pesten', 'Bullying', 100),
  ('sluikstorten', 'Sluikstorten', 'Fly-tipping', 110),
  ('overig', 'Overig', 'Other', 1000);

-- A signal: what an ally or key figure (or someone anonymous) told a staff member of the network.
-- Special-category personal data: read and changed only by the network's staff, every time audited.
create table signals (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks (id) on delete cascade,
  received_at timestamptz not null,
  received_by uuid not null references users (id) on delete restrict,
  -- null: anonymous
  person_id uuid references people (id) on delete set null,
  channel text not null check (channel in ('phone', 'app', 'visit', 'meeting', 'email')),
  urgency text not null check (urgency in ('information', 'attention', 'urgent')),
  wijk_ids uuid[] not null default '{}',
  community_ids uuid[] not null default '{}',
  themes text[] not null default '{}',
  body text not null check (length(body) between 1 and 4000),
  assessment text check (length(assessment) <= 4000),
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null,
  version integer not null default 1
);
create index signals_network_received_idx on signals (network_id, received_at);
create index signals_received_idx on signals (received_at);

-- The reciprocity loop: who takes the signal up, what was done, and when the reporter heard back.
create table signal_follow_ups (
  signal_id uuid primary key references signals (id) on delete cascade,
  owner_user_id uuid references users (id) on delete set null,
  status text not null default 'open' check (status in ('open', 'in_progress', 'done', 'not_taken_up')),
  actions text check (length(actions) <= 4000),
  not_taken_up_reason text check (length(not_taken_up_reason) <= 2000),
  due_on date not null,
  fed_back_on date,
  updated_by uuid references users (id) on delete set null,
  updated_at timestamptz not null,
  check (status <> 'not_taken_up' or not_taken_up_reason is not null)
);
create index signal_follow_ups_open_idx on signal_follow_ups (due_on) where status in ('open', 'in_progress');

-- Short notes of contacts with a person between meetings, so a successor can read them.
create table person_contacts (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people (id) on delete cascade,
  contacted_on date not null,
  user_id uuid references users (id) on delete set null,
  channel text not null check (channel in ('phone', 'app', 'visit', 'meeting', 'email')),
  gist text not null check (length(gist) between 1 and 2000),
  created_at timestamptz not null
);
create index person_contacts_person_idx on person_contacts (person_id, contacted_on desc);

-- The meeting record's themes follow: "wereldgebeurtenissen" is gone; a record that had it keeps the
-- conversation under "overig" (once). "armoede" is a new meeting theme, nothing to migrate for it.
update meeting_records
set themes = case
  when 'overig' = any (themes) then array_remove(themes, 'wereldgebeurtenissen')
  else array_replace(themes, 'wereldgebeurtenissen', 'overig')
end
where 'wereldgebeurtenissen' = any (themes);
