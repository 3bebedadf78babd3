-- The default time between meetings becomes 10 weeks (about 5 a year), inside the method's 4 to 6
-- meetings a year (seeds 002 and 004); 6-weekly (seed 003) stays a choice. Networks that saved their
-- settings keep what they chose; the code's default (RECOMMENDED_CADENCE_DAYS) is the same number.
alter table meeting_settings alter column cadence_days set default 70;
