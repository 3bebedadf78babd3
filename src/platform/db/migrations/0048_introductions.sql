-- Continuity (issue 19, item 3): the introduction of a newcomer to a network. A row is made when a staff
-- member gets a role in a network they had none in (identity's role grant, through a port compose.ts fills);
-- existing roles get none (they were introduced before the app knew). A checklist item is a row once ticked:
-- read the network page, read the crisis sheet, meet each ally (one row per ally), be introduced at a meeting
-- (which one), know the call-out procedure. Unticking deletes the row.
create table introductions (
  network_id uuid not null references networks (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  started_on date not null,
  primary key (network_id, user_id)
);

create table introduction_items (
  network_id uuid not null,
  user_id uuid not null,
  -- 'network-page', 'crisis-sheet', 'meeting', 'call-out-procedure', or 'ally:<person id>'
  item_key text not null check (length(item_key) <= 60),
  done_on date not null,
  -- The meeting the newcomer was introduced at (item 'meeting'); kept when the meeting is deleted as null.
  meeting_id uuid references meetings (id) on delete set null,
  ticked_by uuid references users (id) on delete set null,
  ticked_at timestamptz not null default now(),
  primary key (network_id, user_id, item_key),
  foreign key (network_id, user_id) references introductions (network_id, user_id) on delete cascade
);
