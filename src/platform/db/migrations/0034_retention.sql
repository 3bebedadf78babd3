-- Issue 18 (AVG, storage limitation): retention rules per kind of record, set per municipality by its
-- administrators; a kind without a row uses the default documented in src/privacy/retention-rules.ts.
create table retention_rules (
  municipality_id uuid not null references municipalities (id) on delete cascade,
  kind text not null,
  days integer not null check (days between 30 and 3650),
  updated_by uuid references users (id) on delete set null,
  updated_at timestamptz not null,
  primary key (municipality_id, kind)
);

-- One run of the daily retention job per municipality and day (Europe/Amsterdam). The primary key is the
-- claim: of several instances starting the job at once, one inserts the row and runs it. The counts say what
-- it did is in retention_run_counts, numbers only (never names or content); the audit row names the run by id.
create table retention_runs (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities (id) on delete cascade,
  run_on date not null,
  started_at timestamptz not null,
  finished_at timestamptz,
  unique (municipality_id, run_on)
);

-- What one run did per kind: how many records expired (numbers only).
create table retention_run_counts (
  run_id uuid not null references retention_runs (id) on delete cascade,
  kind text not null,
  expired integer not null,
  primary key (run_id, kind)
);
