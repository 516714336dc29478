-- Files: one row per uploaded file; the bytes are in the object store under object_key.
create table files (
    id                uuid primary key,
    owner_id          uuid        not null,
    name              text        not null,
    media_type        text        not null,
    kind              text        not null,
    extension         text        not null,
    size_bytes        bigint      not null check (size_bytes > 0),
    etag              text        not null,
    object_key        text        not null,
    visibility        text        not null,
    shared_with       uuid[]      not null default '{}',
    created_at        timestamptz not null,
    deleted_at        timestamptz,
    extraction        text        not null,
    extraction_error  text,
    claimed_until     timestamptz,
    extracted         jsonb       not null default '{}',
    edits             jsonb       not null default '{}',
    thumbnail_key     text,
    clean_copy_key    text,
    -- What people search by, out of the JSON (extracted values with the owner's edits on top).
    title             text generated always as (coalesce(edits ->> 'title', extracted ->> 'title')) stored,
    artist            text generated always as (coalesce(edits ->> 'artist', extracted ->> 'artist')) stored
);

-- "My files", newest first; the extraction queue; the purge queue.
create index files_owner_listing on files (owner_id, created_at desc, id desc) where deleted_at is null;
create index files_pending_extraction on files (created_at) where extraction = 'PENDING' and deleted_at is null;
create index files_deleted on files (deleted_at) where deleted_at is not null;
-- "All tracks by an artist" among one's files.
create index files_owner_artist on files (owner_id, lower(artist)) where deleted_at is null;

-- Storage use per owner, changed in the same transaction as the file rows it counts.
create table quotas (
    owner_id    uuid primary key,
    used_bytes  bigint not null check (used_bytes >= 0),
    quota_bytes bigint
);

-- Presigned uploads not completed yet.
create table direct_uploads (
    id            uuid primary key,
    owner_id      uuid        not null,
    declared_name text        not null,
    size_bytes    bigint      not null,
    expires_at    timestamptz not null
);
create index direct_uploads_expiry on direct_uploads (expires_at);
