-- The network map: people's details, managed communities, relations, staff back-ups,
-- the communities that matter per neighbourhood, target profiles, and size limits per municipality.

-- Size of the table (seed 003: 12 seats, up to 10 citizens; seed 002: up to 15 allies).
alter table municipalities
  add column ally_soft_limit integer not null default 10,
  add column ally_hard_limit integer not null default 15,
  add constraint municipalities_ally_limits check (ally_soft_limit between 1 and ally_hard_limit and ally_hard_limit <= 50);

-- The managed list of communities and groups; archived ones stay on existing people.
alter table communities add column archived boolean not null default false;

-- A person's details. All optional but name and kind; phone numbers in E.164.
alter table people
  add column neighbourhood_id uuid,
  add column following text check (length(following) <= 1000),
  add column preferred_channel text check (preferred_channel in ('phone', 'sms', 'whatsapp', 'email')),
  add column languages text[] not null default '{}',
  add column availability text check (length(availability) <= 500),
  add column age_band text check (age_band in ('18-24', '25-34', '35-44', '45-54', '55-64', '65+')),
  add column gender text check (gender in ('female', 'male', 'non-binary')),
  add column legal_basis text not null default 'consent' check (legal_basis in ('consent', 'public_task')),
  add column consent_date date,
  add column version integer not null default 1,
  add constraint people_mobile_e164 check (mobile is null or mobile ~ '^\+[1-9][0-9]{7,14}$'),
  add constraint people_display_name_length check (length(trim(display_name)) between 1 and 200),
  -- a person's neighbourhood lies in their own municipality
  add constraint people_neighbourhood_fk foreign key (neighbourhood_id, municipality_id)
    references areas (id, municipality_id) on delete set null (neighbourhood_id);
create index people_neighbourhood_idx on people (neighbourhood_id);

-- Each staff member has a back-up who takes over when they are absent or change jobs.
alter table network_roles
  add column backup_user_id uuid references users (id) on delete set null,
  add constraint network_roles_backup_not_self check (backup_user_id is null or backup_user_id <> user_id);

-- Which communities the coordinators consider relevant in a neighbourhood (for the coverage map).
create table neighbourhood_communities (
  area_id uuid not null references areas (id) on delete cascade,
  community_id uuid not null references communities (id) on delete cascade,
  primary key (area_id, community_id)
);

-- Relation types, labelled in both directions ("chairs" / "chaired by").
create table relation_types (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities (id) on delete cascade,
  label text not null,
  inverse_label text not null,
  target_kind text not null check (target_kind in ('person', 'organisation')),
  unique (municipality_id, label, target_kind)
);

create table relations (
  id uuid primary key default gen_random_uuid(),
  relation_type_id uuid not null references relation_types (id) on delete restrict,
  person_id uuid not null references people (id) on delete cascade,
  related_person_id uuid references people (id) on delete cascade,
  organisation_id uuid references organisations (id) on delete cascade,
  since date,
  until date,
  created_at timestamptz not null default now(),
  check (num_nonnulls(related_person_id, organisation_id) = 1),
  check (related_person_id is null or related_person_id <> person_id),
  check (until is null or since is null or until >= since)
);
create index relations_person_idx on relations (person_id);
create index relations_related_person_idx on relations (related_person_id);
create index relations_organisation_idx on relations (organisation_id);

-- The mix a coordinator wants the network to mirror (afspiegeling), per dimension.
create table network_target_profiles (
  network_id uuid not null references networks (id) on delete cascade,
  dimension text not null check (dimension in ('age_band', 'gender', 'community')),
  value text not null,
  share numeric(5, 4) not null check (share between 0 and 1),
  primary key (network_id, dimension, value)
);
