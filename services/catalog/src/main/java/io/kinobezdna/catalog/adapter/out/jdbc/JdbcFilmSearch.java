package io.kinobezdna.catalog.adapter.out.jdbc;

import io.kinobezdna.catalog.application.port.FilmQuery;
import io.kinobezdna.catalog.application.port.FilmSearch;
import io.kinobezdna.catalog.domain.FilmCard;
import io.kinobezdna.catalog.domain.FilmSort;
import io.kinobezdna.catalog.domain.Genre;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.paging.Page;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Search in PostgreSQL, one statement per page.
 *
 * <p>Text matches a film when any of these holds: every typed word is the start of a title word
 * (prefix search on unstemmed words, so "метро" finds "Метрополис"); the words match after Russian
 * or English stemming ("броненосцы" finds "Броненосец"); or the text is trigram-similar to a part
 * of the titles ({@code <%}, word similarity ≥ {@value #WORD_SIMILARITY}), which is what forgives
 * typos ("Metropolsi", "Метраполис"). The threshold is set per transaction ({@code set_config(…,
 * true)}), which also holds behind a transaction-pooling pgbouncer. Both indexes (GIN on the
 * tsvector, GIN trigram on the reduced titles) serve the OR. Relevance is the text rank plus the
 * word and whole-title similarities, so the closest and shortest title comes first.
 *
 * <p>Pages are keyset pages on (sort key, id): stable under inserts, no OFFSET scans.
 */
public final class JdbcFilmSearch implements FilmSearch {

  private static final String TEXT_QUERY =
      "(to_tsquery('simple', :prefixes) || websearch_to_tsquery('russian', :text)"
          + " || websearch_to_tsquery('english', :text))";
  private static final String TEXT_MATCH =
      "(f.search_doc @@ " + TEXT_QUERY + " or :text <% f.search_text)";

  /** A float8, so the key a cursor carries as text compares exactly (real would round). */
  private static final String RELEVANCE =
      "(ts_rank(f.search_doc, "
          + TEXT_QUERY
          + ") + word_similarity(:text, f.search_text) + similarity(:text, f.search_text))::float8";

  /** One typo in a ten-letter Russian word still scores 0.57; pg_trgm's default is 0.6. */
  static final String WORD_SIMILARITY = "0.5";

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  public JdbcFilmSearch(JdbcClient jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /** How a sort orders rows and what its keyset compares. */
  private record Ordering(String key, boolean ascending, KeyType type) {}

  private enum KeyType {
    NUMBER,
    TEXT
  }

  private static Ordering ordering(FilmQuery query) {
    return switch (query.effectiveSort()) {
      case RELEVANCE -> new Ordering(RELEVANCE, false, KeyType.NUMBER);
      case POPULAR -> new Ordering("f.like_count::float8", false, KeyType.NUMBER);
      case RATING -> new Ordering("f.average_rating", false, KeyType.NUMBER);
      case NEWEST -> new Ordering("f.year::float8", false, KeyType.NUMBER);
      case TITLE ->
          new Ordering(
              "en".equals(query.language()) ? "lower(f.title_en)" : "lower(f.title_ru)",
              true,
              KeyType.TEXT);
    };
  }

  @Override
  public Result search(FilmQuery query, Page.Cursor after, int limit, boolean withGenreCounts) {
    return transactions.execute(
        status -> {
          if (!query.text().isEmpty()) {
            jdbc.sql("select set_config('pg_trgm.word_similarity_threshold', ?, true)")
                .param(WORD_SIMILARITY)
                .query()
                .rowSet();
          }
          return page(query, after, limit, withGenreCounts);
        });
  }

  private Result page(FilmQuery query, Page.Cursor after, int limit, boolean withGenreCounts) {
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
    boolean more = hits.size() > limit;
    List<Hit> page = more ? hits.subList(0, limit) : hits;
    String next =
        more
            ? new Page.Cursor(page.getLast().sortKey(), page.getLast().film().id().toString())
                .encode()
            : "";
    Map<Genre, Long> counts = withGenreCounts ? genreCounts(query) : Map.of();
    return new Result(page.stream().map(Hit::film).toList(), next, counts);
  }

  private record Hit(FilmCard film, String sortKey) {}

  /** Per genre, the films matching every filter but the genre one. */
  private Map<Genre, Long> genreCounts(FilmQuery query) {
    StringBuilder sql =
        new StringBuilder(
            "select g.code, count(*) as films from films f, unnest(f.genres) as g(code)"
                + " where f.published");
    Map<String, Object> params = new HashMap<>();
    appendFilters(query, false, sql, params);
    sql.append(" group by g.code");
    Map<Genre, Long> counts = new EnumMap<>(Genre.class);
    jdbc.sql(sql.toString())
        .params(params)
        .query(
            rs -> {
              long films = rs.getLong("films");
              Genre.ofCode(rs.getString("code")).ifPresent(g -> counts.put(g, films));
            });
    return counts;
  }

  private static void appendFilters(
      FilmQuery query, boolean byGenre, StringBuilder sql, Map<String, Object> params) {
    if (!query.text().isEmpty()) {
      sql.append(" and ").append(TEXT_MATCH);
      params.put("text", query.text().normalized());
      params.put(
          "prefixes",
          query.text().words().stream().map(w -> w + ":*").collect(Collectors.joining(" & ")));
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
    if (type == KeyType.TEXT) {
      return cursor.sortKey();
    }
    try {
      return Double.parseDouble(cursor.sortKey());
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
