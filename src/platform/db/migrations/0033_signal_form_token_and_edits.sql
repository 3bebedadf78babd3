-- Issue 17, finishing touches on signals.
--
-- The bot's `signaal` form carries a token, as the call-out start form does (0011): pressing "Vastleggen"
-- twice, or Teams retrying the invoke, must record one signal. Unique per receiver, so no one can reach
-- another's signal through a token.
alter table signals add column form_token uuid;
create unique index signals_form_token_idx on signals (received_by, form_token) where form_token is not null;

-- A signal's fields can be corrected after saving by the network's staff: who changed it last and when
-- (the `version` column counts the changes; the audit trail has each one, without the text).
alter table signals add column updated_at timestamptz;
alter table signals add column updated_by uuid references users (id) on delete set null;
