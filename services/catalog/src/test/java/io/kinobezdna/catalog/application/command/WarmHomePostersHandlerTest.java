package io.kinobezdna.catalog.application.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kinobezdna.catalog.application.port.FilmQuery;
import io.kinobezdna.catalog.application.port.FilmSearch;
import io.kinobezdna.catalog.domain.FilmCard;
import io.kinobezdna.catalog.domain.FilmSort;
import io.kinobezdna.catalog.domain.Genre;
import io.kinobezdna.catalog.domain.Reception;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WarmHomePostersHandlerTest {

  @Test
  void everyHomeRowsFilmGetsItsPosterOnce() {
    UUID shared = UUID.randomUUID();
    UUID onlyNewest = UUID.randomUUID();
    UUID onlyHorror = UUID.randomUUID();
    List<FilmQuery> asked = new ArrayList<>();
    FilmSearch search =
        (query, after, limit, withCounts) -> {
          asked.add(query);
          assertThat(limit).isEqualTo(WarmHomePostersHandler.ROW_LENGTH);
          List<UUID> ids =
              query.genres().contains(Genre.HORROR)
                  ? List.of(onlyHorror, shared)
                  : query.sort() == FilmSort.NEWEST ? List.of(onlyNewest, shared) : List.of(shared);
          return new FilmSearch.Result(
              ids.stream().map(WarmHomePostersHandlerTest::card).toList(), "", Map.of(), "");
        };
    List<UUID> posters = new ArrayList<>();

    int films = new WarmHomePostersHandler(search, posters::add, List.of(Genre.HORROR)).handle();

    assertThat(films).isEqualTo(3);
    assertThat(posters).containsExactly(onlyNewest, shared, onlyHorror);
    assertThat(asked)
        .extracting(FilmQuery::sort, FilmQuery::genres)
        .containsExactly(
            tuple(FilmSort.NEWEST, Set.of()),
            tuple(FilmSort.POPULAR, Set.of()),
            tuple(FilmSort.NEWEST, Set.of(Genre.HORROR)));
  }

  private static FilmCard card(UUID id) {
    return new FilmCard(
        id,
        "Фильм",
        "Film",
        "Film",
        1922,
        90,
        List.of(Genre.HORROR),
        List.of("DE"),
        12,
        Reception.NONE);
  }
}
