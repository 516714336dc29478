package io.kinobezdna.catalog.adapter.out.jdbc;

import io.kinobezdna.catalog.application.port.FilmQuery;
import io.kinobezdna.catalog.application.port.FilmSearch;
import io.kinobezdna.catalog.domain.FilmCard;
import io.kinobezdna.catalog.domain.FilmSort;
import io.kinobezdna.catalog.domain.Genre;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.paging.Page;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Search in PostgreSQL, one statement per page.
 *
 * <p>Text is matched in two steps. First exactly: every typed word is the start of a title word
 * (prefix search on unstemmed words, so "метро" finds "Метрополис"), or the words match after
 * Russian or English stemming ("броненосцы" finds "Броненосец"), through the GIN index on the
 * tsvector. Only when nothing at all matches that way is the text taken for a typo: then a film
 * matches when the text is trigram-similar to a part of its titles ({@code <%}, word similarity ≥
 * {@value #WORD_SIMILARITY}) through the GIN trigram index ("Metropolsi", "Метраполис"). Fuzzy
 * matching only as a fallback keeps near-misses out of good results and the matched sets small. The
 * threshold is set per transaction ({@code set_config(…, true)}), which also holds behind a
 * transaction-pooling pgbouncer. Exact hits rank by text rank per title length, typo hits by word
 * and whole-title similarity: either way the closest and shortest title comes first.
 *
 * <p>Pages are keyset pages on (sort key, id): stable under inserts, no OFFSET scans; the sorts
 * without text use their own indexes. Genre counts without text (browsing) cover the whole catalog
 * and cost a scan of it, so they are kept for {@link #BROWSE_COUNTS_TTL}; with text they are
 * counted over the (small) matched set every time.
 */
public final class JdbcFilmSearch implements FilmSearch {

  private static final String TEXT_QUERY =
      "(to_tsquery('simple', :prefixes) || websearch_to_tsquery('russian', :text)"
          + " || websearch_to_tsquery('english', :text))";
  private static final String EXACT_MATCH = "f.search_doc @@ " + TEXT_QUERY;
  private static final String FUZZY_MATCH = ":text <% f.search_text";

  /**
   * Exact matches rank by text rank divided by title length (normalization 1), so the shortest
   * title containing the words comes first; cheap enough for thousands of hits ("the"). A float8,
   * so the key a cursor carries as text compares exactly (real would round).
   */
  private static final String EXACT_RELEVANCE =
      "ts_rank(f.search_doc, " + TEXT_QUERY + ", 1)::float8";

  /** Typo matches (a small set) rank by how close the text is to a part of, and all of, a title. */
  private static final String FUZZY_RELEVANCE =
      "(word_similarity(:text, f.search_text) + similarity(:text, f.search_text))::float8";

  /** Marks a cursor of a typo-matched list, so its next pages match the same way. */
  private static final String FUZZY_MARK = "~";

  /** One typo in a ten-letter Russian word still scores 0.57; pg_trgm's default is 0.6. */
  static final String WORD_SIMILARITY = "0.5";

  static final Duration BROWSE_COUNTS_TTL = Duration.ofSeconds(60);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final ExpiringCache<FilmQuery, Map<Genre, Long>> browseCounts;

  public JdbcFilmSearch(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.browseCounts = new ExpiringCache<>(BROWSE_COUNTS_TTL, 1_000, clock);
  }

  /** How a sort orders rows and what its keyset compares. */
  private record Ordering(String key, boolean ascending, KeyType type) {}

  private enum KeyType {
    WHOLE,
    FRACTIONAL,
    TEXT
  }

  private static Ordering ordering(FilmQuery query, boolean fuzzy) {
    return switch (query.effectiveSort()) {
      case RELEVANCE ->
          new Ordering(fuzzy ? FUZZY_RELEVANCE : EXACT_RELEVANCE, false, KeyType.FRACTIONAL);
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
    if (query.text().isEmpty()) {
      Hits hits = browse(query, after, limit);
      return new Result(
          hits.films(),
          hits.nextCursor(),
          withGenreCounts
              ? browseCounts.get(browseKey(query), () -> genreCounts(query))
              : Map.of());
    }
    Hits hits;
    if (!after.equals(Page.Cursor.START)) {
      hits =
          after.sortKey().startsWith(FUZZY_MARK)
              ? withTypoThreshold(() -> textHits(query, true, after, limit, false))
              : textHits(query, false, after, limit, false);
    } else {
      Hits exact = textHits(query, false, after, limit, withGenreCounts);
      hits =
          exact.matched() == 0
              ? withTypoThreshold(() -> textHits(query, true, after, limit, withGenreCounts))
              : exact;
    }
    return new Result(hits.films(), hits.nextCursor(), hits.genreCounts());
  }

  /**
   * A page of films, the cursor of the next, genre counts when asked for, and how many films the
   * text matched under the filters but the genre one.
   */
  private record Hits(
      List<FilmCard> films, String nextCursor, Map<Genre, Long> genreCounts, long matched) {}

  /** Typo matching needs its similarity threshold, set for one transaction. */
  private <T> T withTypoThreshold(Supplier<T> work) {
    return transactions.execute(
        status -> {
          jdbc.sql("select set_config('pg_trgm.word_similarity_threshold', ?, true)")
              .param(WORD_SIMILARITY)
              .query()
              .rowSet();
          return work.get();
        });
  }

  /** A page without text: the filters and the sort's own index. */
  private Hits browse(FilmQuery query, Page.Cursor after, int limit) {
    Ordering ordering = ordering(query, false);
    Map<String, Object> params = new HashMap<>();
    StringBuilder sql =
        new StringBuilder("select * from (select ")
            .append(FilmRows.CARD_COLUMNS)
            .append(", ")
            .append(ordering.key())
            .append(" as sort_key from films f where f.published");
    appendFilters(query, false, true, sql, params);
    sql.append(") hits where true");
    appendPage(ordering, after, limit, sql, params);
    List<Hit> hits =
        jdbc.sql(sql.toString())
            .params(params)
            .query((rs, row) -> new Hit(FilmRows.card(rs, row), rs.getString("sort_key")))
            .list();
    return page(hits, limit, false, Map.of(), hits.size());
  }

  /**
   * A page of text matches in one statement: the matches under every filter but the genre one are
   * gathered once (a materialized CTE, small for real queries), and the page, their number and the
   * genre counts are all taken from them. The counts come in a row of their own, joined to the
   * page, so they arrive even when the page is empty.
   */
  private Hits textHits(
      FilmQuery query, boolean fuzzy, Page.Cursor after, int limit, boolean withGenreCounts) {
    Ordering ordering = ordering(query, fuzzy);
    Map<String, Object> params = new HashMap<>();
    StringBuilder sql =
        new StringBuilder("with m as materialized (select ")
            .append(FilmRows.CARD_COLUMNS)
            .append(", ")
            .append(ordering.key())
            .append(" as sort_key from films f where f.published");
    appendFilters(query, fuzzy, false, sql, params);
    sql.append("), hits as (select * from m where true");
    if (!query.genres().isEmpty()) {
      sql.append(" and m.genres && cast(:genres as text[])");
      params.put("genres", genreCodes(query));
    }
    appendPage(ordering, after, limit, sql, params);
    sql.append(
            ") select hits.*, totals.matched, totals.genre_counts from (select count(*) as matched, ")
        .append(
            withGenreCounts
                ? "(select string_agg(c.code || '=' || c.films, ',') from (select g.code,"
                    + " count(*) as films from m, unnest(m.genres) as g(code) group by g.code) c)"
                : "null")
        .append(" as genre_counts from m) totals left join hits on true");
    appendOrder(ordering, "hits.", sql);

    List<Hit> hits = new ArrayList<>();
    long[] matched = {0};
    Map<Genre, Long> counts = new EnumMap<>(Genre.class);
    jdbc.sql(sql.toString())
        .params(params)
        .query(
            rs -> {
              if (hits.isEmpty()) {
                matched[0] = rs.getLong("matched");
                counts.putAll(parseCounts(rs.getString("genre_counts")));
              }
              if (rs.getObject("id") != null) {
                hits.add(new Hit(FilmRows.card(rs, hits.size()), rs.getString("sort_key")));
              }
            });
    return page(hits, limit, fuzzy, counts, matched[0]);
  }

  private static void appendPage(
      Ordering ordering,
      Page.Cursor after,
      int limit,
      StringBuilder sql,
      Map<String, Object> params) {
    if (!after.equals(Page.Cursor.START)) {
      sql.append(" and (sort_key, id) ")
          .append(ordering.ascending() ? ">" : "<")
          .append(" (:afterKey, :afterId)");
      params.put("afterKey", cursorKey(after, ordering.type()));
      params.put("afterId", cursorId(after));
    }
    appendOrder(ordering, "", sql);
    sql.append(" limit :limit");
    params.put("limit", limit + 1);
  }

  private static void appendOrder(Ordering ordering, String table, StringBuilder sql) {
    String direction = ordering.ascending() ? " asc" : " desc";
    sql.append(" order by ")
        .append(table)
        .append("sort_key")
        .append(direction)
        .append(", ")
        .append(table)
        .append("id")
        .append(direction);
  }

  /** The page and the cursor of the next: one row more than asked for says there is one. */
  private static Hits page(
      List<Hit> hits, int limit, boolean fuzzy, Map<Genre, Long> counts, long matched) {
    boolean more = hits.size() > limit;
    List<Hit> page = more ? hits.subList(0, limit) : hits;
    String next =
        more
            ? new Page.Cursor(
                    (fuzzy ? FUZZY_MARK : "") + page.getLast().sortKey(),
                    page.getLast().film().id().toString())
                .encode()
            : "";
    return new Hits(page.stream().map(Hit::film).toList(), next, counts, matched);
  }

  private static String[] genreCodes(FilmQuery query) {
    return query.genres().stream().map(Genre::code).toArray(String[]::new);
  }

  /** "drama=5,comedy=3" as the statement above aggregates it. */
  private static Map<Genre, Long> parseCounts(String aggregated) {
    Map<Genre, Long> counts = new EnumMap<>(Genre.class);
    if (aggregated != null) {
      for (String pair : aggregated.split(",")) {
        int split = pair.indexOf('=');
        Genre.ofCode(pair.substring(0, split))
            .ifPresent(g -> counts.put(g, Long.parseLong(pair.substring(split + 1))));
      }
    }
    return counts;
  }

  private record Hit(FilmCard film, String sortKey) {}

  /** What browse counts depend on: the filters but the genres and the order. */
  private static FilmQuery browseKey(FilmQuery q) {
    return new FilmQuery(
        q.text(),
        Set.of(),
        q.yearFrom(),
        q.yearTo(),
        q.country(),
        q.minRating(),
        q.maxAgeRating(),
        FilmSort.POPULAR,
        "");
  }

  /** Per genre, the films under every filter but the genre one (browsing: no text). */
  private Map<Genre, Long> genreCounts(FilmQuery query) {
    StringBuilder sql =
        new StringBuilder(
            "select g.code, count(*) as films from films f, unnest(f.genres) as g(code)"
                + " where f.published");
    Map<String, Object> params = new HashMap<>();
    appendFilters(query, false, false, sql, params);
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

  private static void textParams(FilmQuery query, Map<String, Object> params) {
    params.put("text", query.text().normalized());
    params.put(
        "prefixes",
        query.text().words().stream().map(w -> w + ":*").collect(Collectors.joining(" & ")));
  }

  private static void appendFilters(
      FilmQuery query,
      boolean fuzzy,
      boolean byGenre,
      StringBuilder sql,
      Map<String, Object> params) {
    if (!query.text().isEmpty()) {
      sql.append(" and ").append(fuzzy ? FUZZY_MATCH : EXACT_MATCH);
      textParams(query, params);
    } else if (query.effectiveSort() == FilmSort.RELEVANCE) {
      throw new IllegalStateException("relevance needs text");
    }
    if (byGenre && !query.genres().isEmpty()) {
      sql.append(" and f.genres && cast(:genres as text[])");
      params.put("genres", genreCodes(query));
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
        cursor.sortKey().startsWith(FUZZY_MARK)
            ? cursor.sortKey().substring(FUZZY_MARK.length())
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
