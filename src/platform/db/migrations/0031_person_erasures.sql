-- Issue 18 (AVG art. 17): the record that a person was erased, why and by whom. It names the person by id
-- only (the tombstone in people keeps no personal data); the reason is a code, never free text.
create table person_erasures (
  person_id uuid primary key references people (id) on delete restrict,
  reason text not null check (reason in ('data-subject-request', 'consent-withdrawn', 'no-longer-needed', 'unlawful')),
  erased_by uuid references users (id) on delete set null,
  erased_at timestamptz not null
);
