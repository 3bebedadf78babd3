-- A start's idempotency key: the bot's form carries a token, and pressing "Verstuur nu" twice (or Teams
-- retrying the invoke) must start one call-out. Unique per starter, so no one can reach another's call-out
-- through a token.
alter table call_outs add column start_token uuid;
create unique index call_outs_start_token_idx on call_outs (started_by, start_token) where start_token is not null;
