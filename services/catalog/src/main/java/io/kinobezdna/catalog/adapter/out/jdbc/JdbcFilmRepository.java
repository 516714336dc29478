package io.kinobezdna.catalog.adapter.out.jdbc;

import io.kinobezdna.catalog.application.port.FilmRepository;
import io.kinobezdna.catalog.domain.Film;
import io.kinobezdna.catalog.domain.FilmCard;
import io.kinobezdna.catalog.domain.FilmDetails;
import io.kinobezdna.catalog.domain.Money;
import io.kinobezdna.catalog.domain.Offer;
import io.kinobezdna.catalog.domain.OfferKind;
import io.kinobezdna.catalog.domain.Reception;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Films and offers in PostgreSQL; a film and its offers are always written together. */
public final class JdbcFilmRepository implements FilmRepository {

  /** Any constant of our own: the advisory lock under which one instance seeds the catalog. */
  static final long SEED_LOCK = 0x6b62_6361_7461L; // "kbcata"

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  public JdbcFilmRepository(JdbcClient jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  @Override
  public void insert(Film film) {
    transactions.executeWithoutResult(status -> insertRows(film));
  }

  private void insertRows(Film film) {
    FilmDetails d = film.details();
    jdbc.sql(
            """
            insert into films (id, title_ru, title_en, original_title, year, duration_minutes,
              synopsis, genres, countries, age_rating, directors, cast_members, studio, published,
              created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            values(
                film.id(),
                detailValues(d),
                film.published(),
                Timestamp.from(film.createdAt()),
                Timestamp.from(film.updatedAt())))
        .update();
    insertOffers(film);
  }

  /**
   * A film's details in column order: title_ru, title_en, original_title, year, duration_minutes,
   * synopsis, genres, countries, age_rating, directors, cast_members, studio.
   */
  private static List<Object> detailValues(FilmDetails d) {
    return Arrays.asList(
        d.titleRu(),
        d.titleEn(),
        d.originalTitle(),
        d.year(),
        d.durationMinutes(),
        d.synopsis(),
        FilmRows.genreCodes(d.genres()),
        d.countries().toArray(String[]::new),
        d.ageRating(),
        d.directors().toArray(String[]::new),
        d.cast().toArray(String[]::new),
        d.studio());
  }

  /** Statement parameters in order; a list among them stands for its elements. */
  private static List<Object> values(Object... parts) {
    List<Object> values = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof List<?> list) {
        values.addAll(list);
      } else {
        values.add(part);
      }
    }
    return values;
  }

  private void insertOffers(Film film) {
    for (Offer offer : film.offers()) {
      jdbc.sql(
              "insert into offers (sku, film_id, kind, price_minor, currency, active)"
                  + " values (?, ?, ?, ?, ?, ?)")
          .params(
              offer.sku(),
              film.id(),
              offer.kind().name(),
              offer.price().minorUnits(),
              offer.price().currency(),
              offer.active())
          .update();
    }
  }

  @Override
  public boolean update(Film film) {
    Boolean updated =
        transactions.execute(
            status -> {
              FilmDetails d = film.details();
              int rows =
                  jdbc.sql(
                          """
                          update films set title_ru = ?, title_en = ?, original_title = ?, year = ?,
                            duration_minutes = ?, synopsis = ?, genres = ?, countries = ?,
                            age_rating = ?, directors = ?, cast_members = ?, studio = ?,
                            published = ?, updated_at = ?, version = ?
                          where id = ? and version = ?
                          """)
                      .params(
                          values(
                              detailValues(d),
                              film.published(),
                              Timestamp.from(film.updatedAt()),
                              film.version(),
                              film.id(),
                              film.version() - 1))
                      .update();
              if (rows == 0) {
                return false;
              }
              // SKUs are never deleted (see Film.revised): upsert each offer by its SKU.
              for (Offer offer : film.offers()) {
                jdbc.sql(
                        """
                        insert into offers (sku, film_id, kind, price_minor, currency, active)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (sku) do update set price_minor = excluded.price_minor,
                          currency = excluded.currency, active = excluded.active
                        """)
                    .params(
                        offer.sku(),
                        film.id(),
                        offer.kind().name(),
                        offer.price().minorUnits(),
                        offer.price().currency(),
                        offer.active())
                    .update();
              }
              return true;
            });
    return Boolean.TRUE.equals(updated);
  }

  @Override
  public Optional<Film> find(UUID id) {
    return jdbc.sql("select * from films f where f.id = ?")
        .param(id)
        .query((rs, row) -> film(rs, List.of()))
        .optional()
        .map(
            f ->
                new Film(
                    f.id(),
                    f.details(),
                    offers(id),
                    f.published(),
                    f.reception(),
                    f.createdAt(),
                    f.updatedAt(),
                    f.version()));
  }

  @Override
  public Optional<Film> findBySku(long sku) {
    return jdbc.sql("select film_id from offers where sku = ?")
        .param(sku)
        .query(UUID.class)
        .optional()
        .flatMap(this::find);
  }

  @Override
  public List<FilmCard> findPublishedCards(Collection<UUID> ids) {
    Map<UUID, FilmCard> byId =
        jdbc
            .sql(
                "select "
                    + FilmRows.CARD_COLUMNS
                    + " from films f where f.published and f.id = any(?)")
            .param(ids.toArray(UUID[]::new))
            .query(FilmRows::card)
            .list()
            .stream()
            .collect(Collectors.toMap(FilmCard::id, c -> c));
    // In the order asked for: a "want to watch" list keeps its own order.
    return ids.stream().distinct().map(byId::get).filter(c -> c != null).toList();
  }

  @Override
  public List<Long> listSkus(long afterSku, int count) {
    return jdbc.sql(
            """
            select o.sku from offers o join films f on f.id = o.film_id
            where o.active and f.published and o.sku > ? order by o.sku limit ?
            """)
        .params(afterSku, count)
        .query(Long.class)
        .list();
  }

  @Override
  public List<Long> newSkus(int count) {
    if (count == 0) {
      return List.of();
    }
    return jdbc.sql("select nextval('sku_seq') from generate_series(1, ?)")
        .param(count)
        .query(Long.class)
        .list();
  }

  @Override
  public boolean isEmpty() {
    return !jdbc.sql("select exists (select 1 from films)").query(Boolean.class).single();
  }

  @Override
  public boolean updateReception(UUID filmId, Reception reception, long version) {
    return jdbc.sql(
                """
                update films set rating_count = ?, average_rating = ?, like_count = ?,
                  reception_version = ?
                where id = ? and reception_version < ?
                """)
            .params(
                reception.ratingCount(),
                reception.averageRating(),
                reception.likeCount(),
                version,
                filmId,
                version)
            .update()
        == 1;
  }

  @Override
  public boolean insertIfEmpty(List<Film> films) {
    Boolean inserted =
        transactions.execute(
            status -> {
              jdbc.sql("select pg_advisory_xact_lock(?)").param(SEED_LOCK).query().rowSet();
              if (!isEmpty()) {
                return false;
              }
              films.forEach(this::insertRows);
              return true;
            });
    if (Boolean.TRUE.equals(inserted)) {
      // Fresh statistics for the planner right away: until autovacuum gets to a table loaded in
      // one go, search plans are guesses (seq scans instead of the GIN indexes).
      jdbc.sql("analyze films, offers").update();
    }
    return Boolean.TRUE.equals(inserted);
  }

  private List<Offer> offers(UUID filmId) {
    return jdbc.sql("select * from offers where film_id = ? order by sku")
        .param(filmId)
        .query(
            (rs, row) ->
                new Offer(
                    rs.getLong("sku"),
                    OfferKind.valueOf(rs.getString("kind")),
                    new Money(rs.getLong("price_minor"), rs.getString("currency")),
                    rs.getBoolean("active")))
        .list();
  }

  private static Film film(ResultSet rs, List<Offer> offers) throws SQLException {
    FilmDetails details =
        new FilmDetails(
            rs.getString("title_ru"),
            rs.getString("title_en"),
            rs.getString("original_title"),
            rs.getInt("year"),
            rs.getInt("duration_minutes"),
            rs.getString("synopsis"),
            FilmRows.genres(rs.getArray("genres")),
            FilmRows.strings(rs.getArray("countries")),
            rs.getInt("age_rating"),
            FilmRows.strings(rs.getArray("directors")),
            FilmRows.strings(rs.getArray("cast_members")),
            rs.getString("studio"));
    return new Film(
        rs.getObject("id", UUID.class),
        details,
        offers,
        rs.getBoolean("published"),
        FilmRows.reception(rs),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getLong("version"));
  }
}
