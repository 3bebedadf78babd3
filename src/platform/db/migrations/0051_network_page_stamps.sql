-- The network page's change stamps (issue 21): each instance keeps the shaped network page of recently viewed
-- networks in memory and reuses it only while the stamps it was read with are still the stamps now (one small
-- statement per view, which also appends the view's audit row). Triggers, not application code, bump the
-- stamps, in the same transaction as the change, so no write path can forget it: the routes, the imports, the
-- demo seed, cascades, retention and a change by hand in psql alike; and every instance sees the change.
--
-- Scopes: a network's id (text) for a change that concerns one network, and 'reference' for a change to the
-- municipality's reference data (areas, municipalities, communities, relevance marks), rare and shared by many
-- networks, and for a truncate of any of these tables. A cached page is current when both its network's stamp
-- and the reference stamp are unchanged. Values come from one sequence and never repeat.

create sequence network_page_stamp_seq;

create table network_page_stamps (
  scope text primary key,
  stamp bigint not null
);

-- tg_argv[0]: what the changed row names: 'network' (tg_argv[1] holds a network id), 'person' (a person id: the
-- networks the person belongs to), 'user' (a staff member's id: the networks where they hold a role or are a
-- back-up) or 'reference'.
create function bump_network_page_stamps() returns trigger language plpgsql as $$
declare
  keys text[];
  affected text[];
begin
  if tg_argv[0] = 'reference' then
    affected := array['reference'];
  else
    if tg_op = 'INSERT' then
      keys := array[to_jsonb(new) ->> tg_argv[1]];
    elsif tg_op = 'DELETE' then
      keys := array[to_jsonb(old) ->> tg_argv[1]];
    else
      keys := array[to_jsonb(old) ->> tg_argv[1], to_jsonb(new) ->> tg_argv[1]];
    end if;
    if tg_argv[0] = 'network' then
      affected := keys;
    elsif tg_argv[0] = 'person' then
      select array_agg(np.network_id::text) into affected
        from network_people np where np.person_id = any(keys::uuid[]);
    elsif tg_argv[0] = 'user' then
      select array_agg(r.network_id::text) into affected
        from network_roles r where r.user_id = any(keys::uuid[]) or r.backup_user_id = any(keys::uuid[]);
    else
      raise exception 'bump_network_page_stamps: unknown kind %', tg_argv[0];
    end if;
  end if;
  -- In scope order: two transactions bumping the same scopes then lock their rows in the same order, so a
  -- change touching several networks cannot deadlock with another one.
  insert into network_page_stamps (scope, stamp)
    select scope, nextval('network_page_stamp_seq')
    from (select distinct unnest(affected) as scope) as changed
    where scope is not null
    order by scope
    on conflict (scope) do update set stamp = excluded.stamp;
  return null;
end;
$$;

-- A truncate fires no row trigger: it makes every cached page stale at once.
create function bump_every_network_page_stamp() returns trigger language plpgsql as $$
begin
  insert into network_page_stamps (scope, stamp) values ('reference', nextval('network_page_stamp_seq'))
    on conflict (scope) do update set stamp = excluded.stamp;
  return null;
end;
$$;

-- Every table the network page reads (src/network/page/network-store.ts, readNetworkPageStatement).
create trigger networks_bump_network_page_stamps
  after insert or update or delete on networks
  for each row execute function bump_network_page_stamps('network', 'id');
create trigger network_people_bump_network_page_stamps
  after insert or update or delete on network_people
  for each row execute function bump_network_page_stamps('network', 'network_id');
create trigger network_roles_bump_network_page_stamps
  after insert or update or delete on network_roles
  for each row execute function bump_network_page_stamps('network', 'network_id');
create trigger introductions_bump_network_page_stamps
  after insert or update or delete on introductions
  for each row execute function bump_network_page_stamps('network', 'network_id');
create trigger introduction_items_bump_network_page_stamps
  after insert or update or delete on introduction_items
  for each row execute function bump_network_page_stamps('network', 'network_id');
create trigger people_bump_network_page_stamps
  after insert or update or delete on people
  for each row execute function bump_network_page_stamps('person', 'id');
create trigger person_communities_bump_network_page_stamps
  after insert or update or delete on person_communities
  for each row execute function bump_network_page_stamps('person', 'person_id');
create trigger person_farewells_bump_network_page_stamps
  after insert or update or delete on person_farewells
  for each row execute function bump_network_page_stamps('person', 'person_id');
create trigger staff_absences_bump_network_page_stamps
  after insert or update or delete on staff_absences
  for each row execute function bump_network_page_stamps('user', 'user_id');
-- Only what the page shows of a staff member: a sign-in that refreshes nothing shown must not empty the cache.
create trigger users_update_bumps_network_page_stamps
  after update on users
  for each row
  when (old.display_name is distinct from new.display_name
    or old.organisation is distinct from new.organisation
    or old.job_title is distinct from new.job_title)
  execute function bump_network_page_stamps('user', 'id');
create trigger users_delete_bumps_network_page_stamps
  after delete on users
  for each row execute function bump_network_page_stamps('user', 'id');
create trigger areas_bump_network_page_stamps
  after insert or update or delete on areas
  for each row execute function bump_network_page_stamps('reference');
create trigger municipalities_bump_network_page_stamps
  after insert or update or delete on municipalities
  for each row execute function bump_network_page_stamps('reference');
create trigger communities_bump_network_page_stamps
  after insert or update or delete on communities
  for each row execute function bump_network_page_stamps('reference');
create trigger neighbourhood_communities_bump_network_page_stamps
  after insert or update or delete on neighbourhood_communities
  for each row execute function bump_network_page_stamps('reference');

create trigger networks_truncate_bumps_network_page_stamps
  after truncate on networks for each statement execute function bump_every_network_page_stamp();
create trigger network_people_truncate_bumps_network_page_stamps
  after truncate on network_people for each statement execute function bump_every_network_page_stamp();
create trigger network_roles_truncate_bumps_network_page_stamps
  after truncate on network_roles for each statement execute function bump_every_network_page_stamp();
create trigger introductions_truncate_bumps_network_page_stamps
  after truncate on introductions for each statement execute function bump_every_network_page_stamp();
create trigger introduction_items_truncate_bumps_network_page_stamps
  after truncate on introduction_items for each statement execute function bump_every_network_page_stamp();
create trigger people_truncate_bumps_network_page_stamps
  after truncate on people for each statement execute function bump_every_network_page_stamp();
create trigger person_communities_truncate_bumps_network_page_stamps
  after truncate on person_communities for each statement execute function bump_every_network_page_stamp();
create trigger person_farewells_truncate_bumps_network_page_stamps
  after truncate on person_farewells for each statement execute function bump_every_network_page_stamp();
create trigger staff_absences_truncate_bumps_network_page_stamps
  after truncate on staff_absences for each statement execute function bump_every_network_page_stamp();
create trigger users_truncate_bumps_network_page_stamps
  after truncate on users for each statement execute function bump_every_network_page_stamp();
create trigger areas_truncate_bumps_network_page_stamps
  after truncate on areas for each statement execute function bump_every_network_page_stamp();
create trigger municipalities_truncate_bumps_network_page_stamps
  after truncate on municipalities for each statement execute function bump_every_network_page_stamp();
create trigger communities_truncate_bumps_network_page_stamps
  after truncate on communities for each statement execute function bump_every_network_page_stamp();
create trigger neighbourhood_communities_truncate_bumps_network_page_stamps
  after truncate on neighbourhood_communities for each statement execute function bump_every_network_page_stamp();
