-- The version of the UGC totals the reception columns hold: a late or repeated event (lower or
-- equal version) changes nothing.
alter table films add column reception_version bigint not null default 0;
