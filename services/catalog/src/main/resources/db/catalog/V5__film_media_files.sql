-- Where each film's rendered poster and video are kept in the files service (public files owned by
-- catalog's own account). One row per film and kind; the first stored file wins.
create table film_media_files (
    film_id   uuid        not null references films (id),
    kind      text        not null check (kind in ('poster', 'video')),
    file_id   uuid        not null,
    stored_at timestamptz not null,
    primary key (film_id, kind)
);
