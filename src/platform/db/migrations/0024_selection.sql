-- Selection (issue 16): key figures proposed per network by the municipality and the police, matched against
-- each other and the people already stored, reviewed jointly against the criteria (seed 000) and exclusions
-- (seeds 003/004), visited at home, and admitted as ally only when both parties approved (four eyes).

create table selection_candidates (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks (id) on delete cascade,
  display_name text not null check (length(trim(display_name)) between 1 and 200),
  neighbourhood_id uuid references areas (id) on delete set null,
  mobile text check (mobile is null or mobile ~ '^\+[1-9][0-9]{7,14}$'),
  email text check (length(email) <= 254),
  -- which party proposed the candidate, and who (gone staff leave the party behind)
  proposed_by_party text not null check (proposed_by_party in ('gemeente', 'politie')),
  proposed_by_user_id uuid references users (id) on delete set null,
  motivation text check (length(motivation) <= 1000),
  status text not null default 'proposed' check (
    status in ('proposed', 'under_review', 'visit_planned', 'visited', 'admitted', 'not_admitted', 'on_hold')
  ),
  visit_planned_on date,
  -- the stored person this candidate is ("zelfde persoon"), and after admission the ally
  person_id uuid references people (id) on delete set null,
  -- the same person proposed twice: this proposal was merged into that candidate
  merged_into_id uuid references selection_candidates (id) on delete cascade,
  -- allies who were allies before the pipeline existed (migration 0025): admitted without review or visit
  admitted_before_pipeline boolean not null default false,
  decided_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (merged_into_id is null or merged_into_id <> id)
);
create index selection_candidates_network_idx on selection_candidates (network_id);
create index selection_candidates_person_idx on selection_candidates (person_id);

create table selection_candidate_communities (
  candidate_id uuid not null references selection_candidates (id) on delete cascade,
  community_id uuid not null references communities (id) on delete cascade,
  primary key (candidate_id, community_id)
);

-- A manual decision on a possible match: the same person (merged / linked) or a different person.
create table selection_match_decisions (
  candidate_id uuid not null references selection_candidates (id) on delete cascade,
  other_kind text not null check (other_kind in ('candidate', 'person')),
  other_id uuid not null,
  decision text not null check (decision in ('same', 'different')),
  decided_by_user_id uuid references users (id) on delete set null,
  decided_at timestamptz not null default now(),
  primary key (candidate_id, other_kind, other_id)
);

-- Each party's assessment per criterion (seed 000) and exclusion (seeds 003/004).
create table selection_assessments (
  candidate_id uuid not null references selection_candidates (id) on delete cascade,
  party text not null check (party in ('gemeente', 'politie')),
  criterion text not null check (criterion in (
    'intrinsic_motivation', 'wants_to_act', 'article_1', 'no_personal_gain', 'socially_engaged',
    'support_following', 'communicative', 'not_regular_professional', 'integrity', 'tolerance', 'no_self_interest'
  )),
  verdict text not null check (verdict in ('meets', 'doubt', 'does_not_meet')),
  note text check (length(note) <= 1000),
  assessed_by_user_id uuid references users (id) on delete set null,
  assessed_at timestamptz not null default now(),
  primary key (candidate_id, party, criterion)
);

-- The home visit (kennismaking): one record per candidate, one visitor of each party where possible.
create table selection_visits (
  candidate_id uuid primary key references selection_candidates (id) on delete cascade,
  visited_on date not null,
  gemeente_visitor_id uuid references users (id) on delete set null,
  politie_visitor_id uuid references users (id) on delete set null,
  outcome text not null check (outcome in ('positive', 'doubt', 'negative')),
  note text check (length(note) <= 2000),
  article_1_accepted boolean not null,
  confidentiality_accepted boolean not null,
  crisis_availability_accepted boolean not null,
  consent_date date,
  legal_basis text check (legal_basis in ('consent', 'public_task')),
  recorded_by_user_id uuid references users (id) on delete set null,
  recorded_at timestamptz not null default now()
);

-- The two-party decision: one approval per staff member; admission needs one of each party.
create table selection_approvals (
  candidate_id uuid not null references selection_candidates (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  party text not null check (party in ('gemeente', 'politie')),
  approved_at timestamptz not null default now(),
  primary key (candidate_id, user_id),
  unique (candidate_id, party)
);
