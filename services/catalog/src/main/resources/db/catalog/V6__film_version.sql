-- Optimistic concurrency for editors: every change of a film's details, offers or publication
-- makes the next version, and a change made against an older version is refused (409).
alter table films add column version bigint not null default 1;
