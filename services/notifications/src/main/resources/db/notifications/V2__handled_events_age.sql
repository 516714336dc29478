-- The retention sweep finds old de-duplication ids by age.
create index handled_events_by_age on handled_events (handled_at);
