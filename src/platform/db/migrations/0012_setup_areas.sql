-- Day one (issue 11): administrators set up the municipality and its districts and wijken in the app.
-- Areas get an optional CBS wijkcode and can be archived: an archived area stays on the networks,
-- people and call-outs that name it, but is no longer offered for new ones.

-- CBS gemeentecode: 'GM' + four digits (CBS, Toelichting Wijk- en Buurtkaart).
alter table municipalities
  add constraint municipalities_cbs_code_format check (cbs_code ~ '^GM[0-9]{4}$'),
  add constraint municipalities_name_length check (length(trim(name)) between 1 and 200),
  add constraint municipalities_coordinates check (latitude between -90 and 90 and longitude between -180 and 180);

alter table areas
  add column cbs_code text,
  add column archived boolean not null default false,
  -- CBS wijkcode: 'WK' + six digits, the first four the gemeentecode; districts are the municipality's own grouping
  add constraint areas_cbs_code_format check (cbs_code is null or (kind = 'neighbourhood' and cbs_code ~ '^WK[0-9]{6}$')),
  add constraint areas_cbs_code_unique unique (cbs_code);
