-- Optimistic concurrency: every profile edit makes the next version, and an edit made against
-- an older version is refused (409), so two tabs or an admin and the owner cannot undo each other.
alter table profile add column version bigint not null default 1;
