-- The embedded calendar: the calendar port without a Microsoft 365 tenant (local run). Events with
-- their attendees and responses, and the .ics invitations it "sends" into a local outbox that the
-- tab offers for download.

create table calendar_events (
  id uuid primary key default gen_random_uuid(),
  organiser text not null,
  -- the client's idempotency key (as Graph's event.transactionId)
  transaction_id text not null,
  -- the iCalendar UID, stable across updates and the cancellation
  uid text not null unique,
  subject text not null,
  body_html text not null,
  location text,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  time_zone text not null,
  is_online_meeting boolean not null default false,
  join_url text,
  status text not null default 'confirmed' check (status in ('confirmed', 'cancelled')),
  -- iCalendar SEQUENCE: bumped on every update so clients replace the earlier invitation
  sequence integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organiser, transaction_id),
  check (ends_at > starts_at)
);
create index calendar_events_time_idx on calendar_events (starts_at, ends_at);

create table calendar_attendees (
  event_id uuid not null references calendar_events (id) on delete cascade,
  address text not null,
  name text,
  attendee_type text not null default 'required' check (attendee_type in ('required', 'optional')),
  response text not null default 'notResponded'
    check (response in ('none', 'organizer', 'tentativelyAccepted', 'accepted', 'declined', 'notResponded')),
  primary key (event_id, address)
);
create index calendar_attendees_address_idx on calendar_attendees (address);

-- The local "mail": one row per invitation, update or cancellation, with its .ics text.
create table calendar_outbox (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references calendar_events (id) on delete cascade,
  method text not null check (method in ('REQUEST', 'CANCEL')),
  sequence integer not null,
  recipients text[] not null,
  subject text not null,
  ics text not null,
  created_at timestamptz not null default now()
);
create index calendar_outbox_event_idx on calendar_outbox (event_id, created_at);
