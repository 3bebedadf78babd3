-- Day one (issue 11): an administrator can archive a network. An archived network keeps its records
-- (people, roles, meetings, call-outs, audit) but drops out of the overview, call-out targeting and
-- the meeting planner.
alter table networks drop constraint networks_status_check;
alter table networks
  add constraint networks_status_check check (status in ('starting', 'active', 'paused', 'archived'));
