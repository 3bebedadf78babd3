-- Foundation schema: the municipality's areas, networks, the people in them, staff users,
-- local sign-in sessions and the bot's conversation references.
-- Capabilities extend this with migrations of their own; never edit a migration that has shipped.

create table municipalities (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  cbs_code text not null unique,
  latitude double precision not null,
  longitude double precision not null,
  created_at timestamptz not null default now()
);

-- municipality > district (stadsdeel / basisteam) > neighbourhood (wijk)
create table areas (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities (id) on delete restrict,
  parent_id uuid,
  kind text not null check (kind in ('district', 'neighbourhood')),
  name text not null check (length(trim(name)) between 1 and 200),
  unique (id, municipality_id),
  unique (municipality_id, kind, name),
  check ((kind = 'district') = (parent_id is null)),
  -- a neighbourhood's parent lies in the same municipality
  foreign key (parent_id, municipality_id) references areas (id, municipality_id) on delete restrict
);
create index areas_parent_idx on areas (parent_id);

create table networks (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities (id) on delete restrict,
  area_id uuid not null,
  name text not null check (length(trim(name)) between 1 and 200),
  status text not null default 'starting' check (status in ('starting', 'active', 'paused')),
  founded_on date,
  created_at timestamptz not null default now(),
  unique (municipality_id, name),
  -- a network never crosses a municipal border: its area must be in its own municipality
  foreign key (area_id, municipality_id) references areas (id, municipality_id) on delete restrict
);
create index networks_area_idx on networks (area_id);

-- Staff of municipality and police, identified by Entra tenant + object id.
create table users (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  aad_object_id uuid not null,
  display_name text not null,
  email text,
  organisation text check (organisation in ('gemeente', 'politie')),
  job_title text,
  created_at timestamptz not null default now(),
  unique (tenant_id, aad_object_id)
);

create table network_roles (
  network_id uuid not null references networks (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  role text not null check (role in ('coordinator', 'member', 'secretary', 'viewer')),
  primary key (network_id, user_id)
);
create index network_roles_user_idx on network_roles (user_id);

create table communities (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities (id) on delete restrict,
  name text not null,
  category text not null check (category in ('religion', 'origin', 'group')),
  unique (municipality_id, name)
);

create table organisations (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities (id) on delete restrict,
  name text not null,
  kind text not null,
  unique (municipality_id, name)
);

-- Key figures (sleutelfiguren) and allies (bondgenoten): special-category personal data.
create table people (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities (id) on delete restrict,
  display_name text not null,
  kind text not null check (kind in ('key_figure', 'ally', 'former_ally')),
  is_professional boolean not null default false,
  mobile text,
  email text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- professionals of the regular network can be key figures, never allies
  check (not (is_professional and kind = 'ally'))
);

create table network_people (
  network_id uuid not null references networks (id) on delete cascade,
  person_id uuid not null references people (id) on delete cascade,
  primary key (network_id, person_id)
);
create index network_people_person_idx on network_people (person_id);

create table person_communities (
  person_id uuid not null references people (id) on delete cascade,
  community_id uuid not null references communities (id) on delete restrict,
  primary key (person_id, community_id)
);

create table person_organisations (
  person_id uuid not null references people (id) on delete cascade,
  organisation_id uuid not null references organisations (id) on delete restrict,
  primary key (person_id, organisation_id)
);

-- Server-side sessions of the local (developer-only) sign-in; only the token's hash is stored.
create table local_sessions (
  token_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);

-- Where the bot can reach a user or conversation proactively (crisis call-outs, meeting proposals).
create table conversation_references (
  id uuid primary key default gen_random_uuid(),
  conversation_id text not null,
  channel_user_id text not null,
  aad_object_id text,
  tenant_id text,
  conversation_type text,
  service_url text not null,
  reference jsonb not null,
  updated_at timestamptz not null default now(),
  unique (conversation_id, channel_user_id)
);
create index conversation_references_aad_idx on conversation_references (tenant_id, aad_object_id);
