-- Closing a call-out plans its follow-up (seed 002: after the crisis the network helps with processing
-- and reconciliation, "verwerking en verzoening"): every network the call-out targeted is to meet for it
-- before a due date. Whether that meeting is planned is read from the meetings table, not stored twice.
create table call_out_follow_ups (
  call_out_id uuid not null references call_outs (id) on delete cascade,
  network_id uuid not null references networks (id) on delete cascade,
  -- the last day (Europe/Amsterdam) on which the follow-up meeting should take place
  due_on date not null,
  created_by uuid not null references users (id) on delete restrict,
  created_at timestamptz not null,
  primary key (call_out_id, network_id)
);
create index call_out_follow_ups_network_idx on call_out_follow_ups (network_id, due_on);
