-- Transactional outbox of platform-outbox (picked up by every service's Flyway from classpath:db/migration).
-- Rows are written in the business transaction and deleted once Kafka acknowledged them.
create table outbox_event (
    id            bigserial   primary key,
    event_id      uuid        not null unique,
    topic         text        not null,
    message_key   text        not null,
    -- a relay instance owns one partition at a time (advisory lock), which keeps per-key order
    partition     smallint    not null,
    payload       bytea       not null,
    header_names  text[]      not null default '{}',
    header_values text[]      not null default '{}',
    created_at    timestamptz not null default now()
);

create index outbox_event_partition_id on outbox_event (partition, id);
