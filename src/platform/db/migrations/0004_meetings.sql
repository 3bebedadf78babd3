-- Meetings (bondgenotenoverleg): per-network settings, neutral locations in rotation, the allies'
-- meeting preferences (chairing, availability, absence), the meetings with their calendar intent,
-- attendee responses read back from the calendar, the meeting record and agreed actions, and the
-- official school holiday periods per region.

-- The school holiday region of the municipality (rijksoverheid: noord, midden, zuid).
alter table municipalities
  add column school_holiday_region text check (school_holiday_region in ('noord', 'midden', 'zuid'));

create table meeting_settings (
  network_id uuid primary key references networks (id) on delete cascade,
  -- seed 003: every 6 weeks
  cadence_days integer not null default 42 check (cadence_days between 7 and 365),
  -- ISO weekdays, 1 = Monday … 7 = Sunday
  weekdays integer[] not null default '{2,3,4}',
  start_time text not null default '18:00' check (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  duration_minutes integer not null default 120 check (duration_minutes between 30 and 480),
  -- the method says at most two hours; longer only by an explicit override
  allow_longer_than_two_hours boolean not null default false,
  -- the calendar the events live in: a staff member (the secretary by default) or a shared mailbox
  organiser_user_id uuid references users (id) on delete set null,
  organiser_mailbox text check (organiser_mailbox ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and length(organiser_mailbox) <= 254),
  ramadan_policy text not null default 'iftar' check (ramadan_policy in ('avoid', 'iftar')),
  -- adjustments relative to the observances derived from the network's communities
  observances_added text[] not null default '{}',
  observances_removed text[] not null default '{}',
  meal_arrangements text check (length(meal_arrangements) <= 1000),
  online_meeting boolean not null default false,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  check (duration_minutes <= 120 or allow_longer_than_two_hours),
  check (num_nonnulls(organiser_user_id, organiser_mailbox) <= 1)
);

-- Neutral ground: community centres, the police station, the town hall; used in rotation.
create table meeting_locations (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks (id) on delete cascade,
  name text not null check (length(trim(name)) between 1 and 200),
  address text check (length(address) <= 300),
  kind text not null check (kind in ('community-centre', 'police-station', 'town-hall', 'other')),
  active boolean not null default true,
  rotation_order integer not null default 0,
  version integer not null default 1,
  unique (network_id, name)
);

-- Per network and ally: willing to chair, on which weekdays they can come, absence.
create table meeting_ally_preferences (
  network_id uuid not null references networks (id) on delete cascade,
  person_id uuid not null references people (id) on delete cascade,
  willing_to_chair boolean not null default false,
  -- null: no restriction stated
  available_weekdays integer[],
  absent_from date,
  absent_until date,
  primary key (network_id, person_id),
  check (absent_until is null or absent_from is null or absent_until >= absent_from)
);

create table meetings (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks (id) on delete cascade,
  series_id uuid,
  meeting_date date not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  location_id uuid references meeting_locations (id) on delete set null,
  chair_person_id uuid references people (id) on delete set null,
  agenda_turn_person_ids uuid[] not null default '{}',
  -- the first three meetings of a network: getting to know each other, no problem-solving agenda
  trust_building boolean not null default false,
  online_meeting boolean not null default false,
  status text not null default 'planned' check (status in ('planned', 'cancelled', 'held')),
  -- the calendar the event lives in (an address), fixed at creation
  organiser text not null,
  -- stored before the calendar is called, sent as the event's transactionId: a retry never
  -- creates a second event
  intent_id uuid not null unique,
  calendar_state text not null default 'pending' check (calendar_state in ('pending', 'created', 'failed')),
  calendar_event_id text,
  calendar_web_link text,
  join_url text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at > starts_at)
);
create index meetings_network_idx on meetings (network_id, starts_at);
create index meetings_chair_idx on meetings (chair_person_id);

-- Attendee responses as the calendar last reported them.
create table meeting_responses (
  meeting_id uuid not null references meetings (id) on delete cascade,
  address text not null,
  user_id uuid references users (id) on delete cascade,
  person_id uuid references people (id) on delete cascade,
  response text not null check (response in ('none', 'organizer', 'tentativelyAccepted', 'accepted', 'declined', 'notResponded')),
  read_at timestamptz not null default now(),
  primary key (meeting_id, address)
);

-- The record of a held meeting.
create table meeting_records (
  meeting_id uuid primary key references meetings (id) on delete cascade,
  themes text[] not null default '{}',
  themes_text text check (length(themes_text) <= 4000),
  -- the mood at the table, 1 (tense) … 5 (warm)
  mood integer check (mood between 1 and 5),
  recorded_by uuid references users (id) on delete set null,
  recorded_at timestamptz not null default now(),
  version integer not null default 1
);

create table meeting_attendance (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references meetings (id) on delete cascade,
  user_id uuid references users (id) on delete cascade,
  person_id uuid references people (id) on delete cascade,
  present boolean not null,
  check (num_nonnulls(user_id, person_id) = 1)
);
create unique index meeting_attendance_user_idx on meeting_attendance (meeting_id, user_id) where user_id is not null;
create unique index meeting_attendance_person_idx on meeting_attendance (meeting_id, person_id) where person_id is not null;
create index meeting_attendance_person_lookup_idx on meeting_attendance (person_id);

-- Agreed actions, owned by a staff member or an ally.
create table meeting_actions (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references meetings (id) on delete cascade,
  network_id uuid not null references networks (id) on delete cascade,
  description text not null check (length(trim(description)) between 1 and 500),
  owner_user_id uuid references users (id) on delete set null,
  owner_person_id uuid references people (id) on delete set null,
  due_on date,
  status text not null default 'open' check (status in ('open', 'done', 'dropped')),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (num_nonnulls(owner_user_id, owner_person_id) <= 1)
);
create index meeting_actions_network_idx on meeting_actions (network_id, status);
create index meeting_actions_meeting_idx on meeting_actions (meeting_id);
create index meeting_actions_person_idx on meeting_actions (owner_person_id);

-- The official school holiday periods (inclusive dates), editable by the administrator.
create table school_holidays (
  id uuid primary key default gen_random_uuid(),
  region text not null check (region in ('noord', 'midden', 'zuid')),
  from_date date not null,
  to_date date not null,
  label text not null check (length(trim(label)) between 1 and 200),
  unique (region, from_date, label),
  check (to_date >= from_date)
);
