-- Issue 23: a staff recipient Teams cannot reach (no conversation, install failed, 403/404 from the
-- connector) gets an e-mail with a link to answer in the tab. One row per recipient and call-out: queued
-- in the transaction that gives up on their card, claimed by the delivery worker like the card outbox
-- (lease in claimed_until), and holding the link's one-time token as a SHA-256 hash only. The token binds
-- the call-out and the staff member; it never signs anyone in (the tab still needs that user's sign-in).
create table call_out_answer_links (
  call_out_id uuid not null references call_outs (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  state text not null default 'pending'
    check (state in ('pending', 'sending', 'sent', 'failed', 'skipped')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  claimed_by text,
  claimed_until timestamptz,
  -- hex SHA-256 of the 256-bit random token; set just before the mail goes out, replaced on a retry
  token_hash text unique check (token_hash ~ '^[0-9a-f]{64}$'),
  expires_at timestamptz,
  used_at timestamptz,
  last_error text check (length(last_error) <= 500),
  created_at timestamptz not null,
  primary key (call_out_id, user_id)
);
create index call_out_answer_links_due_idx on call_out_answer_links (next_attempt_at) where state = 'pending';
create index call_out_answer_links_lease_idx on call_out_answer_links (claimed_until) where state = 'sending';
