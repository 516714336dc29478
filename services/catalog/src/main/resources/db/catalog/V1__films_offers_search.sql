-- Trigram matching for typo-tolerant search (a trusted extension: the database owner may add it).
create extension if not exists pg_trgm;

create table films (
  id               uuid primary key,
  title_ru         text not null,
  title_en         text not null,
  original_title   text not null,
  year             int not null,
  duration_minutes int not null,
  synopsis         text not null,
  genres           text[] not null,
  countries        text[] not null,
  age_rating       int not null,
  directors        text[] not null,
  cast_members     text[] not null,
  studio           text,
  published        boolean not null,
  -- Kept up to date from UGC's rating events.
  rating_count     bigint not null default 0,
  average_rating   double precision not null default 0,
  like_count       bigint not null default 0,
  created_at       timestamptz not null,
  updated_at       timestamptz not null,
  -- Titles reduced as SearchText reduces a query: lower case, ё as е, punctuation as spaces.
  search_text      text generated always as (
    trim(regexp_replace(translate(lower(title_ru || ' ' || title_en || ' ' || original_title), 'ё', 'е'),
                        '[^[:alnum:]]+', ' ', 'g'))) stored,
  -- Whole words with stemming in both languages, plus unstemmed words for prefix matches.
  search_doc       tsvector generated always as (
    setweight(to_tsvector('russian', title_ru), 'A')
    || setweight(to_tsvector('english', title_en), 'A')
    || setweight(to_tsvector('simple', translate(lower(title_ru || ' ' || title_en || ' ' || original_title), 'ё', 'е')), 'B')) stored
);

create index films_search_text_trgm on films using gin (search_text gin_trgm_ops);
create index films_search_doc on films using gin (search_doc);
create index films_genres on films using gin (genres);
create index films_popular on films (like_count desc, id desc) where published;
create index films_newest on films (year desc, id desc) where published;
create index films_top_rated on films (average_rating desc, id desc) where published;

create sequence sku_seq start with 1000001;

create table offers (
  sku         bigint primary key,
  film_id     uuid not null references films (id) on delete cascade,
  kind        text not null,
  price_minor bigint not null check (price_minor >= 0),
  currency    char(3) not null,
  active      boolean not null,
  unique (film_id, kind)
);
create index offers_film on offers (film_id);
