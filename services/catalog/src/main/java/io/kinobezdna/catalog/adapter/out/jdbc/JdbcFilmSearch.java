package io.kinobezdna.catalog.adapter.out.jdbc;

import io.kinobezdna.catalog.application.port.FilmQuery;
import io.kinobezdna.catalog.application.port.FilmSearch;
import io.kinobezdna.catalog.domain.FilmCard;
import io.kinobezdna.catalog.domain.FilmSort;
import io.kinobezdna.catalog.domain.Genre;
import io.kinobezdna.catalog.domain.SearchText;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.paging.Page;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Search in PostgreSQL, one statement per page.
 *
 * <p>Text is matched in two steps. First as typed: every typed word is the start of a title word
 * (prefix search on unstemmed words, so "метро" finds "Метрополис"), or the words match after
 * Russian or English stemming ("броненосцы" finds "Броненосец"), through the GIN index on the
 * tsvector. Only when nothing at all matches that way is the text taken for a typo: then each word
 * that starts no title word is replaced by the closest word of any title ({@code title_words}, kept
 * by a trigger; pg_trgm similarity ≥ 0.3, its default), and the corrected text is matched the same
 * way ("Metropolsi" → "metropolis", "Метраполис" → "метрополис", "the silent harbr" → "the silent
 * harbor"). Correcting words against the few hundred words titles use, instead of comparing the
 * text with every title, keeps a typo search as cheap as an exact one: a common title ("silent
 * harbor", hundreds of films) cost 25 ms of trigram comparisons per page before. A word with no
 * close title word leaves the search empty. Either way hits rank by text rank per title length: the
 * closest and shortest title comes first.
 *
 * <p>Pages are keyset pages on (sort key, id): stable under inserts, no OFFSET scans; the sorts
 * without text use their own indexes; the genre filter is applied with the others, so a page ranks
 * only the films it may show. Genre counts cover every match under the other filters: for browsing
 * or a common word ("the") that is most of the catalog, a scan that costs far more than a page. A
 * list's counts are therefore kept for {@link #COUNTS_TTL}: they label the genre chips, and a
 * film's genres or a new film showing up a minute late in a count is harmless.
 */
public final class JdbcFilmSearch implements FilmSearch {

  /**
   * The text as one tsquery. A scalar subquery, so it is computed once per statement (an InitPlan):
   * in the generic plan a prepared statement gets after a few runs, the bare expression would be
   * computed again for every row it is matched or ranked against (4× slower for "the").
   */
  private static final String TEXT_QUERY =
      "(select to_tsquery('simple', :prefixes) || websearch_to_tsquery('russian', :text)"
          + " || websearch_to_tsquery('english', :text))";

  private static final String TEXT_MATCH = "f.search_doc @@ " + TEXT_QUERY;

  /**
   * Hits rank by text rank divided by title length (normalization 1), so the shortest title
   * containing the words comes first; cheap enough for thousands of hits ("the"). A float8, so the
   * key a cursor carries as text compares exactly (real would round).
   */
  private static final String RELEVANCE = "ts_rank(f.search_doc, " + TEXT_QUERY + ", 1)::float8";

  /**
   * Each typed word, in order: kept when it starts a title word, else the most similar title word
   * ({@code %}: similarity ≥ pg_trgm's default 0.3, through the trigram index), else null.
   */
  private static final String CORRECTIONS =
      "select case when exists (select 1 from title_words t where t.word like q.word || '%')"
          + " then q.word else (select t.word from title_words t where t.word % q.word"
          + " order by similarity(t.word, q.word) desc, t.word limit 1) end"
          + " from unnest(cast(:words as text[])) with ordinality as q(word, n) order by q.n";

  /** Marks a cursor of a corrected list, so its next pages are corrected the same way. */
  private static final String CORRECTED_MARK = "~";

  static final Duration COUNTS_TTL = Duration.ofSeconds(60);

  private final JdbcClient jdbc;
  private final ExpiringCache<CountsKey, Map<Genre, Long>> counts;

  public JdbcFilmSearch(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.counts = new ExpiringCache<>(COUNTS_TTL, 1_000, clock);
  }

  /** How a sort orders rows and what its keyset compares. */
  private record Ordering(String key, boolean ascending, KeyType type) {}

  private enum KeyType {
    WHOLE,
    FRACTIONAL,
    TEXT
  }

  private static Ordering ordering(FilmQuery query) {
    return switch (query.effectiveSort()) {
      case RELEVANCE -> new Ordering(RELEVANCE, false, KeyType.FRACTIONAL);
      case POPULAR -> new Ordering("f.like_count", false, KeyType.WHOLE);
      case RATING -> new Ordering("f.average_rating", false, KeyType.FRACTIONAL);
      case NEWEST -> new Ordering("f.year", false, KeyType.WHOLE);
      case TITLE ->
          new Ordering(
              "en".equals(query.language()) ? "lower(f.title_en)" : "lower(f.title_ru)",
              true,
              KeyType.TEXT);
    };
  }

  @Override
  public Result search(FilmQuery query, Page.Cursor after, int limit, boolean withGenreCounts) {
    if (after.sortKey().startsWith(CORRECTED_MARK)) {
      return correctedSearch(query, after, limit, withGenreCounts);
    }
    Hits hits = hits(query, false, after, limit);
    if (hits.films().isEmpty()
        && after.equals(Page.Cursor.START)
        && !query.text().isEmpty()
        && nothingMatchesAsTyped(query)) {
      return correctedSearch(query, after, limit, withGenreCounts);
    }
    return result(hits, query, withGenreCounts, "");
  }

  /** The page of the query with its spelling corrected; nothing when it has no correction. */
  private Result correctedSearch(
      FilmQuery query, Page.Cursor after, int limit, boolean withGenreCounts) {
    return corrected(query)
        .map(c -> result(hits(c, true, after, limit), c, withGenreCounts, c.text().normalized()))
        .orElse(Result.EMPTY);
  }

  private Result result(
      Hits hits, FilmQuery matched, boolean withGenreCounts, String correctedText) {
    return new Result(
        hits.films(),
        hits.nextCursor(),
        withGenreCounts ? genreCounts(matched) : Map.of(),
        correctedText);
  }

  /** No film matches the text as typed under any genre (asked only when a page came back empty). */
  private boolean nothingMatchesAsTyped(FilmQuery query) {
    return query.genres().isEmpty() || genreCounts(query).isEmpty();
  }

  /**
   * The query with its unknown words replaced by the closest title words; empty when a word has
   * none, or when every word was already known (then the text, as typed, simply matches nothing).
   */
  private Optional<FilmQuery> corrected(FilmQuery query) {
    List<String> words = query.text().words();
    List<String> corrections =
        jdbc.sql(CORRECTIONS)
            .param("words", words.toArray(String[]::new))
            .query((rs, row) -> rs.getString(1))
            .list();
    if (corrections.contains(null) || corrections.equals(words)) {
      return Optional.empty();
    }
    return Optional.of(query.withText(SearchText.of(String.join(" ", corrections))));
  }

  /** A page of films and the cursor of the next. */
  private record Hits(List<FilmCard> films, String nextCursor) {}

  /** One page under every filter, the genre one included, so only what is shown is ranked. */
  private Hits hits(FilmQuery query, boolean corrected, Page.Cursor after, int limit) {
    Ordering ordering = ordering(query);
    String direction = ordering.ascending() ? "asc" : "desc";
    StringBuilder sql =
        new StringBuilder("select * from (select ")
            .append(FilmRows.CARD_COLUMNS)
            .append(", ")
            .append(ordering.key())
            .append(" as sort_key from films f where f.published");
    Map<String, Object> params = new HashMap<>();
    appendFilters(query, true, sql, params);
    sql.append(") hits");
    if (!after.equals(Page.Cursor.START)) {
      sql.append(" where (sort_key, id) ")
          .append(ordering.ascending() ? ">" : "<")
          .append(" (:afterKey, :afterId)");
      params.put("afterKey", cursorKey(after, ordering.type()));
      params.put("afterId", cursorId(after));
    }
    sql.append(" order by sort_key ")
        .append(direction)
        .append(", id ")
        .append(direction)
        .append(" limit :limit");
    params.put("limit", limit + 1);

    List<Hit> hits =
        jdbc.sql(sql.toString())
            .params(params)
            .query((rs, row) -> new Hit(FilmRows.card(rs, row), rs.getString("sort_key")))
            .list();
    Page<Hit> page =
        Page.fromRows(
            hits,
            limit,
            h ->
                new Page.Cursor(
                    (corrected ? CORRECTED_MARK : "") + h.sortKey(), h.film().id().toString()));
    return new Hits(page.items().stream().map(Hit::film).toList(), page.nextCursor());
  }

  private record Hit(FilmCard film, String sortKey) {}

  /** What genre counts depend on: the text and the filters but genres and order. */
  private record CountsKey(FilmQuery query) {
    static CountsKey of(FilmQuery q) {
      return new CountsKey(
          new FilmQuery(
              q.text(),
              Set.of(),
              q.yearFrom(),
              q.yearTo(),
              q.country(),
              q.minRating(),
              q.maxAgeRating(),
              FilmSort.POPULAR,
              ""));
    }
  }

  /** Per genre, the films matching every filter but the genre one; kept for a while. */
  private Map<Genre, Long> genreCounts(FilmQuery query) {
    return counts.get(CountsKey.of(query), () -> countGenres(query));
  }

  private Map<Genre, Long> countGenres(FilmQuery query) {
    StringBuilder sql =
        new StringBuilder(
            "select g.code, count(*) as films from films f, unnest(f.genres) as g(code)"
                + " where f.published");
    Map<String, Object> params = new HashMap<>();
    appendFilters(query, false, sql, params);
    sql.append(" group by g.code");
    Map<Genre, Long> counted = new EnumMap<>(Genre.class);
    jdbc.sql(sql.toString())
        .params(params)
        .query(
            rs -> {
              long films = rs.getLong("films");
              Genre.ofCode(rs.getString("code")).ifPresent(g -> counted.put(g, films));
            });
    return counted;
  }

  private static void textParams(FilmQuery query, Map<String, Object> params) {
    params.put("text", query.text().normalized());
    params.put(
        "prefixes",
        query.text().words().stream().map(w -> w + ":*").collect(Collectors.joining(" & ")));
  }

  private static void appendFilters(
      FilmQuery query, boolean byGenre, StringBuilder sql, Map<String, Object> params) {
    if (!query.text().isEmpty()) {
      sql.append(" and ").append(TEXT_MATCH);
      textParams(query, params);
    } else if (query.effectiveSort() == FilmSort.RELEVANCE) {
      throw new IllegalStateException("relevance needs text");
    }
    if (byGenre && !query.genres().isEmpty()) {
      sql.append(" and f.genres && cast(:genres as text[])");
      params.put("genres", query.genres().stream().map(Genre::code).toArray(String[]::new));
    }
    if (query.yearFrom() != null) {
      sql.append(" and f.year >= :yearFrom");
      params.put("yearFrom", query.yearFrom());
    }
    if (query.yearTo() != null) {
      sql.append(" and f.year <= :yearTo");
      params.put("yearTo", query.yearTo());
    }
    if (query.country() != null) {
      sql.append(" and :country = any(f.countries)");
      params.put("country", query.country());
    }
    if (query.minRating() != null) {
      sql.append(" and f.rating_count > 0 and f.average_rating >= :minRating");
      params.put("minRating", query.minRating());
    }
    if (query.maxAgeRating() != null) {
      sql.append(" and f.age_rating <= :maxAgeRating");
      params.put("maxAgeRating", query.maxAgeRating());
    }
  }

  private static Object cursorKey(Page.Cursor cursor, KeyType type) {
    String key =
        cursor.sortKey().startsWith(CORRECTED_MARK)
            ? cursor.sortKey().substring(CORRECTED_MARK.length())
            : cursor.sortKey();
    try {
      return switch (type) {
        case TEXT -> key;
        case WHOLE -> Long.parseLong(key);
        case FRACTIONAL -> Double.parseDouble(key);
      };
    } catch (NumberFormatException e) {
      throw badCursor();
    }
  }

  private static UUID cursorId(Page.Cursor cursor) {
    try {
      return UUID.fromString(cursor.id());
    } catch (IllegalArgumentException e) {
      throw badCursor();
    }
  }

  private static PlatformError badCursor() {
    return PlatformError.invalidField("cursor", "is not a cursor from this list");
  }
}
