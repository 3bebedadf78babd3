-- Issue 18 (AVG): consent withdrawal and erasure of one person.
-- consent_withdrawn_on: the day the person withdrew consent; from then on they are on no call list and in no
-- future invitation, and the retention clock of their record runs from this date.
-- erased_at: set when an administrator erased the person (art. 17); the row stays as a tombstone without
-- personal data so ids in the audit trail and counts in reports keep their meaning.
alter table people add column consent_withdrawn_on date;
alter table people add column erased_at timestamptz;
