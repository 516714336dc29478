-- Browsing by title (sort=title) walks these instead of sorting every published film per page;
-- the expressions match the sort keys JdbcFilmSearch orders by.
create index films_title_ru on films (lower(title_ru), id) where published;
create index films_title_en on films (lower(title_en), id) where published;
