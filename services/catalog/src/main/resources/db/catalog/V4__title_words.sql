-- Every distinct word of the titles (as search_text spells them), for correcting typos: a search
-- that matches nothing has each unknown word replaced by the closest of these (JdbcFilmSearch).
-- A few hundred words, where comparing a text with every title took trigram work per film.
-- Words only accumulate: one left by an edited title can still be suggested, then finds nothing.
create table title_words (
  word text collate "C" primary key  -- "C": prefix LIKEs can use the key
);
create index title_words_trgm on title_words using gin (word gin_trgm_ops);

insert into title_words
select distinct w from films, regexp_split_to_table(search_text, ' ') as w where w <> '';

create function remember_title_words() returns trigger language plpgsql as $$
begin
  insert into title_words
  select distinct w from regexp_split_to_table(new.search_text, ' ') as w where w <> ''
  on conflict do nothing;
  return null;
end $$;

create trigger films_title_words after insert or update of title_ru, title_en, original_title
  on films for each row execute function remember_title_words();

-- Typos no longer compare the text with whole titles.
drop index films_search_text_trgm;
