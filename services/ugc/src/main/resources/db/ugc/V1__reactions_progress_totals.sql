create table likes (
  user_id    uuid not null,
  film_id    uuid not null,
  created_at timestamptz not null,
  primary key (user_id, film_id)
);
create index likes_film on likes (film_id, created_at desc);

create table ratings (
  user_id    uuid not null,
  film_id    uuid not null,
  score      smallint not null check (score between 1 and 10),
  updated_at timestamptz not null,
  primary key (user_id, film_id)
);

create table wishes (
  user_id  uuid not null,
  film_id  uuid not null,
  added_at timestamptz not null,
  primary key (user_id, film_id)
);
create index wishes_list on wishes (user_id, added_at desc, film_id desc);
create index wishes_film on wishes (film_id);

create table progress (
  user_id          uuid not null,
  film_id          uuid not null,
  position_seconds int not null,
  duration_seconds int not null,
  updated_at       timestamptz not null,
  primary key (user_id, film_id)
);
create index progress_recent on progress (user_id, updated_at desc);

-- Totals per film, changed under a row lock; version grows with every change.
create table film_totals (
  film_id      uuid primary key,
  like_count   bigint not null,
  rating_count bigint not null,
  rating_sum   bigint not null,
  version      bigint not null
);
