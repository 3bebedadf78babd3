-- The access version of each staff member (issue 21): every API request reads this one row (by primary key)
-- to decide whether the session and access profile an instance keeps in memory are still current. Triggers,
-- not application code, bump it, so no path can change a role, an administrator or a session without it:
-- role and administrator changes through the API, the demo seed, cascades (a network or user deleted), a
-- sign-out and the purge of expired sessions alike. The bump commits or rolls back with the change itself.
--
-- Values come from one sequence, so a value is never reused: "the version I cached equals the version now"
-- proves that no change to this user's access committed in between, even if the row was deleted and made again.

create sequence access_version_seq;

create table access_versions (
  -- No foreign key: a user's delete bumps the row too, and an orphan row of a deleted user is harmless.
  user_id uuid primary key,
  version bigint not null
);

-- tg_argv[0] names the column holding the user id (users: id; the others: user_id).
create function bump_access_version() returns trigger language plpgsql as $$
declare
  affected uuid[];
begin
  if tg_op = 'INSERT' then
    affected := array[(to_jsonb(new) ->> tg_argv[0])::uuid];
  elsif tg_op = 'DELETE' then
    affected := array[(to_jsonb(old) ->> tg_argv[0])::uuid];
  else
    affected := array[(to_jsonb(old) ->> tg_argv[0])::uuid, (to_jsonb(new) ->> tg_argv[0])::uuid];
  end if;
  insert into access_versions (user_id, version)
    select user_id, nextval('access_version_seq')
    from (select distinct unnest(affected) as user_id) as changed
    on conflict (user_id) do update set version = excluded.version;
  return null;
end;
$$;

create trigger network_roles_bump_access_version
  after insert or update or delete on network_roles
  for each row execute function bump_access_version('user_id');

create trigger administrators_bump_access_version
  after insert or update or delete on administrators
  for each row execute function bump_access_version('user_id');

create trigger local_sessions_bump_access_version
  after insert or update or delete on local_sessions
  for each row execute function bump_access_version('user_id');

-- Only a deleted user: a sign-in refreshing the name from the token must not invalidate every cache.
create trigger users_bump_access_version
  after delete on users
  for each row execute function bump_access_version('id');

-- A truncate fires no row trigger: it bumps every user at once.
create function bump_every_access_version() returns trigger language plpgsql as $$
begin
  insert into access_versions (user_id, version)
    select id, nextval('access_version_seq') from users
    on conflict (user_id) do update set version = excluded.version;
  return null;
end;
$$;

create trigger network_roles_truncate_bumps_access_versions
  after truncate on network_roles for each statement execute function bump_every_access_version();
create trigger administrators_truncate_bumps_access_versions
  after truncate on administrators for each statement execute function bump_every_access_version();
create trigger local_sessions_truncate_bumps_access_versions
  after truncate on local_sessions for each statement execute function bump_every_access_version();
