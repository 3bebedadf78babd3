-- Existing allies stay allies. The selection pipeline (0024) did not exist when they were admitted, so each
-- ally gets one admitted candidate per network, marked admitted_before_pipeline: the trail then says how they
-- came in (no review, visit or approvals recorded) instead of pretending they were selected. The party is
-- unknown; 'gemeente' records that the municipality leads the network (DOMAIN.md, Structure).
insert into selection_candidates (
  network_id, display_name, neighbourhood_id, mobile, email, proposed_by_party, status, person_id,
  admitted_before_pipeline, decided_at
)
select np.network_id, p.display_name, p.neighbourhood_id, p.mobile, p.email, 'gemeente', 'admitted', p.id,
  true, now()
from people p
join network_people np on np.person_id = p.id
where p.kind = 'ally';
