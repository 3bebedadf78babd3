-- The call-out page polls its change stamp every 5 s; with 1,000 pages open during a 1,000-recipient fan-out
-- (issue 21) grouping the call-out's deliveries, recipients and answers on every poll was the stamp's cost.
-- One row per call-out holds those counts instead, so a poll reads one row by primary key. Triggers keep it
-- in the same transaction as every change of a delivery, recipient or answer, whoever writes it (the start,
-- the delivery worker's claims, retries and results, reminders, retention), so it cannot drift from the
-- grouped truth; tests/call-outs/call-out-progress.test.ts compares the two.
create table call_out_progress (
  call_out_id uuid primary key references call_outs (id) on delete cascade,
  recipients integer not null default 0,
  -- answers whose author is one of the call-out's recipients
  answered integer not null default 0,
  alert_pending integer not null default 0,
  alert_sending integer not null default 0,
  alert_sent integer not null default 0,
  alert_failed integer not null default 0,
  alert_unreachable integer not null default 0,
  reminder_pending integer not null default 0,
  reminder_sending integer not null default 0,
  reminder_sent integer not null default 0,
  reminder_failed integer not null default 0,
  reminder_unreachable integer not null default 0
);

insert into call_out_progress (call_out_id, recipients, answered,
  alert_pending, alert_sending, alert_sent, alert_failed, alert_unreachable,
  reminder_pending, reminder_sending, reminder_sent, reminder_failed, reminder_unreachable)
select c.id,
  (select count(*) from call_out_recipients r where r.call_out_id = c.id),
  (select count(*) from call_out_answers a where a.call_out_id = c.id
    and exists (select 1 from call_out_recipients r where r.call_out_id = c.id and r.user_id = a.user_id)),
  count(d.id) filter (where d.kind = 'alert' and d.state = 'pending'),
  count(d.id) filter (where d.kind = 'alert' and d.state = 'sending'),
  count(d.id) filter (where d.kind = 'alert' and d.state = 'sent'),
  count(d.id) filter (where d.kind = 'alert' and d.state = 'failed'),
  count(d.id) filter (where d.kind = 'alert' and d.state = 'unreachable'),
  count(d.id) filter (where d.kind = 'reminder' and d.state = 'pending'),
  count(d.id) filter (where d.kind = 'reminder' and d.state = 'sending'),
  count(d.id) filter (where d.kind = 'reminder' and d.state = 'sent'),
  count(d.id) filter (where d.kind = 'reminder' and d.state = 'failed'),
  count(d.id) filter (where d.kind = 'reminder' and d.state = 'unreachable')
from call_outs c left join call_out_deliveries d on d.call_out_id = c.id
group by c.id;

-- A new call-out starts with a row of zeros, so the counting triggers below only ever update.
create function call_out_progress_start() returns trigger language plpgsql as $$
begin
  insert into call_out_progress (call_out_id) values (new.id) on conflict (call_out_id) do nothing;
  return null;
end;
$$;

create trigger call_outs_start_progress
  after insert on call_outs for each row execute function call_out_progress_start();

-- Adds `delta` to the count of one delivery kind and state.
create function call_out_progress_add(p_call_out_id uuid, p_kind text, p_state text, delta integer)
returns void language plpgsql as $$
begin
  update call_out_progress set
    alert_pending = alert_pending + case when p_kind = 'alert' and p_state = 'pending' then delta else 0 end,
    alert_sending = alert_sending + case when p_kind = 'alert' and p_state = 'sending' then delta else 0 end,
    alert_sent = alert_sent + case when p_kind = 'alert' and p_state = 'sent' then delta else 0 end,
    alert_failed = alert_failed + case when p_kind = 'alert' and p_state = 'failed' then delta else 0 end,
    alert_unreachable = alert_unreachable
      + case when p_kind = 'alert' and p_state = 'unreachable' then delta else 0 end,
    reminder_pending = reminder_pending
      + case when p_kind = 'reminder' and p_state = 'pending' then delta else 0 end,
    reminder_sending = reminder_sending
      + case when p_kind = 'reminder' and p_state = 'sending' then delta else 0 end,
    reminder_sent = reminder_sent + case when p_kind = 'reminder' and p_state = 'sent' then delta else 0 end,
    reminder_failed = reminder_failed
      + case when p_kind = 'reminder' and p_state = 'failed' then delta else 0 end,
    reminder_unreachable = reminder_unreachable
      + case when p_kind = 'reminder' and p_state = 'unreachable' then delta else 0 end
  where call_out_id = p_call_out_id;
end;
$$;

create function call_out_progress_count_delivery() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform call_out_progress_add(old.call_out_id, old.kind, old.state, -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform call_out_progress_add(new.call_out_id, new.kind, new.state, 1);
  end if;
  return null;
end;
$$;

-- Deferred to the commit: every delivery transaction then takes the call-out's counter row last, after any
-- other lock it needs (the call-out row its events reference, say), and holds it only while committing, so
-- the counter row neither deadlocks with an answer (which locks the call-out row first) nor makes concurrent
-- deliveries of one call-out wait on each other for longer than a commit. Changes that leave kind and state
-- alone (a remembered conversation, a longer claim, the version a copy shows) do not touch it at all.
create constraint trigger call_out_deliveries_count
  after insert or delete on call_out_deliveries deferrable initially deferred
  for each row execute function call_out_progress_count_delivery();

create constraint trigger call_out_deliveries_count_changes
  after update on call_out_deliveries deferrable initially deferred
  for each row
  when (old.state is distinct from new.state or old.kind is distinct from new.kind
    or old.call_out_id is distinct from new.call_out_id)
  execute function call_out_progress_count_delivery();

-- Recipients and answers are counted at once (not deferred): whether an answer's author is a recipient must
-- be decided against the rows as they are at that moment, or adding both in one transaction would count the
-- pair twice. Each of the pair counts it when the other is present.
create function call_out_progress_count_recipient() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    update call_out_progress set recipients = recipients - 1,
      answered = answered - (select count(*) from call_out_answers a
        where a.call_out_id = old.call_out_id and a.user_id = old.user_id)
    where call_out_id = old.call_out_id;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    update call_out_progress set recipients = recipients + 1,
      answered = answered + (select count(*) from call_out_answers a
        where a.call_out_id = new.call_out_id and a.user_id = new.user_id)
    where call_out_id = new.call_out_id;
  end if;
  return null;
end;
$$;

create trigger call_out_recipients_count
  after insert or delete on call_out_recipients
  for each row execute function call_out_progress_count_recipient();

create trigger call_out_recipients_count_changes
  after update on call_out_recipients for each row
  when (old.call_out_id is distinct from new.call_out_id or old.user_id is distinct from new.user_id)
  execute function call_out_progress_count_recipient();

create function call_out_progress_count_answer() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    update call_out_progress set answered = answered - 1
    where call_out_id = old.call_out_id
      and exists (select 1 from call_out_recipients r
        where r.call_out_id = old.call_out_id and r.user_id = old.user_id);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    update call_out_progress set answered = answered + 1
    where call_out_id = new.call_out_id
      and exists (select 1 from call_out_recipients r
        where r.call_out_id = new.call_out_id and r.user_id = new.user_id);
  end if;
  return null;
end;
$$;

create trigger call_out_answers_count
  after insert or delete on call_out_answers
  for each row execute function call_out_progress_count_answer();

-- Answering again replaces the answer in place: only a change of whose answer it is counts.
create trigger call_out_answers_count_changes
  after update on call_out_answers for each row
  when (old.call_out_id is distinct from new.call_out_id or old.user_id is distinct from new.user_id)
  execute function call_out_progress_count_answer();

-- A truncate fires no row trigger: the counts of the emptied table go back to zero.
create function call_out_progress_truncate() returns trigger language plpgsql as $$
begin
  if tg_table_name = 'call_out_deliveries' then
    update call_out_progress set alert_pending = 0, alert_sending = 0, alert_sent = 0, alert_failed = 0,
      alert_unreachable = 0, reminder_pending = 0, reminder_sending = 0, reminder_sent = 0,
      reminder_failed = 0, reminder_unreachable = 0;
  elsif tg_table_name = 'call_out_recipients' then
    update call_out_progress set recipients = 0, answered = 0;
  else
    update call_out_progress set answered = 0;
  end if;
  return null;
end;
$$;

create trigger call_out_deliveries_truncate_progress
  after truncate on call_out_deliveries for each statement execute function call_out_progress_truncate();
create trigger call_out_recipients_truncate_progress
  after truncate on call_out_recipients for each statement execute function call_out_progress_truncate();
create trigger call_out_answers_truncate_progress
  after truncate on call_out_answers for each statement execute function call_out_progress_truncate();
