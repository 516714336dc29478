-- One review per viewer and film. A review is shown only once support has published it; editing it
-- sends it back for moderation. The author's name is kept as it was when written, so the public
-- list needs no call to the users service (and works for visitors without a token).
create table reviews (
  id              uuid primary key,
  film_id         uuid not null,
  author_id       uuid not null,
  author_name     text not null,
  body            text not null,
  status          text not null check (status in ('PENDING', 'PUBLISHED', 'REJECTED')),
  moderation_note text,
  written_at      timestamptz not null,
  moderated_at    timestamptz,
  unique (author_id, film_id)
);
create index reviews_published on reviews (film_id, written_at desc, id desc) where status = 'PUBLISHED';
create index reviews_pending on reviews (written_at, id) where status = 'PENDING';

-- "Who liked this film": pages of likers, newest first, need the user id in the order too.
create index likes_film_latest on likes (film_id, created_at desc, user_id desc);
drop index likes_film;
