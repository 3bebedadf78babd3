-- Convening within the hour (Bijeenkomst nu) and e-mail to allies.

-- One online meeting per call-out. The row (with its intent id, the event's transactionId) is stored
-- before the calendar is called, so a lost answer is reconciled instead of creating a second event.
create table call_out_meetings (
  call_out_id uuid primary key references call_outs (id) on delete cascade,
  -- the calendar the event lives in: the starter's mailbox (Graph user id locally an address)
  organiser text not null,
  organiser_user_id uuid not null references users (id) on delete restrict,
  intent_id uuid not null unique,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  state text not null default 'pending' check (state in ('pending', 'created', 'failed')),
  event_id text,
  join_url text,
  -- true when the join link is the local run's placeholder, not a Teams meeting
  join_url_local boolean not null default false,
  created_at timestamptz not null,
  check (ends_at > starts_at),
  check ((state = 'created') = (event_id is not null))
);

-- The join link by e-mail to each coming ally: one row per ally, so a repeated Bijeenkomst nu only
-- mails those who have not had it yet (or whose mail failed).
create table call_out_meeting_mails (
  call_out_id uuid not null references call_out_meetings (call_out_id) on delete cascade,
  person_id uuid not null references people (id) on delete cascade,
  state text not null check (state in ('sending', 'sent', 'failed')),
  attempts integer not null default 1,
  updated_at timestamptz not null,
  primary key (call_out_id, person_id)
);

-- The local run's mail: what Graph sendMail would have sent. Need-to-know when shown: the call-out
-- and the networks the message concerns decide who may read it.
create table mail_outbox (
  id uuid primary key default gen_random_uuid(),
  sender text not null,
  recipients text[] not null,
  subject text not null,
  html text not null,
  body_text text not null,
  call_out_id uuid references call_outs (id) on delete cascade,
  network_ids uuid[] not null default '{}',
  created_at timestamptz not null
);
create index mail_outbox_created_idx on mail_outbox (created_at desc);
