-- Observance traditions per community, chosen by an administrator: the meeting planner derives the
-- observances it respects from this column, never from the community's name.
alter table communities
  add column traditions text[] not null default '{}',
  add constraint communities_traditions_known check (
    traditions <@ array['islamic', 'jewish', 'christian', 'hindu', 'keti-koti', 'chinese']::text[]
  );

-- Existing rows keep their behaviour: derive once from the name-based table the planner used until
-- now (lower-cased, trimmed names of the demo data). Names it did not know stay without a tradition
-- and are flagged to the administrator when the community is a faith community.
update communities set traditions = case lower(trim(name))
  when 'marokkaans' then array['islamic']
  when 'turks' then array['islamic']
  when 'islamitisch' then array['islamic']
  when 'syrisch' then array['islamic']
  when 'joods' then array['jewish']
  when 'protestants' then array['christian']
  when 'katholiek' then array['christian']
  when 'hindoestaans' then array['hindu', 'keti-koti']
  when 'surinaams' then array['keti-koti']
  when 'antilliaans' then array['keti-koti']
  when 'chinees' then array['chinese']
  else array[]::text[]
end;

-- Organisations and relation types become managed lists: archived ones stay on existing relations
-- but are no longer offered for new ones.
alter table organisations add column archived boolean not null default false;
alter table relation_types add column archived boolean not null default false;
