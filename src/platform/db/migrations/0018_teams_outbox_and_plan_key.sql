-- Proactive cards other than the call-out alert (which keeps its own delivery rows, tied to recipients and
-- escalation) go out through one leased outbox: a row per card and conversation, claimed with
-- FOR UPDATE SKIP LOCKED by whichever instance drains first, sent under the shared rate budget. The
-- idempotency key makes enqueueing the same card twice (two instances, a retry) a no-op.
create table teams_outbox (
  id uuid primary key default gen_random_uuid(),
  idempotency_key text not null unique,
  -- what the card is for ('meeting-proposal'), for logs and counts; never personal data
  purpose text not null,
  tenant_id text not null,
  conversation_id text not null,
  service_url text not null,
  -- the activity to send; emptied once sent or given up, so card texts (names) are not kept
  activity jsonb,
  state text not null default 'pending' check (state in ('pending', 'sent', 'failed')),
  attempts integer not null default 0,
  due_at timestamptz not null default now(),
  leased_until timestamptz,
  lease_owner text,
  activity_id text,
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index teams_outbox_due_idx on teams_outbox (due_at) where state = 'pending';

-- [Plannen] on the next-meeting proposal card: one row per network and meeting date is the idempotency key
-- of the plan action. The first press inserts it and plans; a second press (on any instance) finds it and
-- answers with the meeting the first one planned. A claim without a meeting whose lease ran out (the instance
-- died while planning) may be taken over; one whose meeting was cancelled may be planned again.
create table meeting_plan_actions (
  network_id uuid not null references networks (id) on delete cascade,
  meeting_date date not null,
  claim_id uuid not null,
  claimed_until timestamptz not null,
  meeting_id uuid references meetings (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (network_id, meeting_date)
);
