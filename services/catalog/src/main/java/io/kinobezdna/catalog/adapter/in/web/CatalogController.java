package io.kinobezdna.catalog.adapter.in.web;

import io.kinobezdna.catalog.adapter.in.Callers;
import io.kinobezdna.catalog.adapter.in.web.FilmViews.CardView;
import io.kinobezdna.catalog.adapter.in.web.FilmViews.FilmPage;
import io.kinobezdna.catalog.adapter.in.web.FilmViews.FilmView;
import io.kinobezdna.catalog.adapter.in.web.FilmViews.GenreView;
import io.kinobezdna.catalog.application.command.ChangePublication;
import io.kinobezdna.catalog.application.command.ChangePublicationHandler;
import io.kinobezdna.catalog.application.command.CreateFilm;
import io.kinobezdna.catalog.application.command.CreateFilmHandler;
import io.kinobezdna.catalog.application.command.ReviseFilm;
import io.kinobezdna.catalog.application.command.ReviseFilmHandler;
import io.kinobezdna.catalog.application.port.FilmSearch;
import io.kinobezdna.catalog.application.query.GetFilm;
import io.kinobezdna.catalog.application.query.GetFilmCardsHandler;
import io.kinobezdna.catalog.application.query.GetFilmHandler;
import io.kinobezdna.catalog.application.query.SearchFilms;
import io.kinobezdna.catalog.application.query.SearchFilmsHandler;
import io.kinobezdna.catalog.domain.Film;
import io.kinobezdna.catalog.domain.FilmDraft;
import io.kinobezdna.catalog.domain.Genre;
import io.kinobezdna.platform.auth.PublicEndpoint;
import io.kinobezdna.platform.auth.VerifiedCaller;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.web.IfMatch;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Browsing, search and editing of films over REST (the gateway exposes it under /api/catalog). */
@RestController
public class CatalogController {

  /** Where an editor finds the version a change names (409 FILM_CHANGED when it is stale). */
  private static final String FILM_VERSION = "GET /films/{id}";

  public record PublicationRequest(Boolean published) {}

  private final SearchFilmsHandler searchFilms;
  private final GetFilmHandler getFilm;
  private final CreateFilmHandler createFilm;
  private final ReviseFilmHandler reviseFilm;
  private final ChangePublicationHandler changePublication;
  private final GetFilmCardsHandler getFilmCards;

  public CatalogController(
      SearchFilmsHandler searchFilms,
      GetFilmHandler getFilm,
      CreateFilmHandler createFilm,
      ReviseFilmHandler reviseFilm,
      ChangePublicationHandler changePublication,
      GetFilmCardsHandler getFilmCards) {
    this.searchFilms = searchFilms;
    this.getFilm = getFilm;
    this.createFilm = createFilm;
    this.reviseFilm = reviseFilm;
    this.changePublication = changePublication;
    this.getFilmCards = getFilmCards;
  }

  @PublicEndpoint
  @GetMapping("/films")
  FilmPage films(
      @RequestParam(name = "q", required = false) String text,
      @RequestParam(name = "genre", required = false) List<String> genres,
      @RequestParam(required = false) Integer yearFrom,
      @RequestParam(required = false) Integer yearTo,
      @RequestParam(required = false) String country,
      @RequestParam(required = false) Double minRating,
      @RequestParam(required = false) Integer maxAgeRating,
      @RequestParam(required = false) String sort,
      @RequestParam(name = "lang", required = false) String language,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer limit) {
    FilmSearch.Result result =
        searchFilms.handle(
            new SearchFilms(
                text,
                genres,
                yearFrom,
                yearTo,
                country,
                minRating,
                maxAgeRating,
                sort,
                language,
                cursor,
                limit));
    Map<String, Long> counts = new LinkedHashMap<>();
    result.genreCounts().forEach((genre, films) -> counts.put(genre.code(), films));
    return new FilmPage(
        result.films().stream().map(CardView::of).toList(),
        result.nextCursor(),
        counts,
        result.correctedText());
  }

  @PublicEndpoint
  @GetMapping("/films/{id}")
  ResponseEntity<FilmView> film(Optional<VerifiedCaller> caller, @PathVariable UUID id) {
    return tagged(getFilm.handle(new GetFilm(Callers.of(caller), id)));
  }

  /** Cards of several published films in the order asked (a "want to watch" list, a row). */
  @PublicEndpoint
  @GetMapping("/cards")
  List<CardView> cards(@RequestParam(name = "id") List<UUID> ids) {
    return getFilmCards.handle(ids).stream().map(CardView::of).toList();
  }

  @PublicEndpoint
  @GetMapping("/genres")
  List<GenreView> genres() {
    return Arrays.stream(Genre.values()).map(GenreView::of).toList();
  }

  @PostMapping("/films")
  ResponseEntity<FilmView> create(
      VerifiedCaller caller,
      @RequestParam(defaultValue = "false") boolean publish,
      @RequestBody FilmDraft draft) {
    Film film = createFilm.handle(new CreateFilm(Callers.of(caller), draft, publish));
    return ResponseEntity.created(URI.create("/films/" + film.id()))
        .eTag(IfMatch.etag(film.version()))
        .body(FilmView.of(film));
  }

  /** A revision names the version it was made against: {@code If-Match} with the film's ETag. */
  @PutMapping("/films/{id}")
  ResponseEntity<FilmView> revise(
      VerifiedCaller caller,
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody FilmDraft draft) {
    long version = IfMatch.version(ifMatch, FILM_VERSION);
    return tagged(reviseFilm.handle(new ReviseFilm(Callers.of(caller), id, version, draft)));
  }

  @PutMapping("/films/{id}/publication")
  ResponseEntity<FilmView> publication(
      VerifiedCaller caller,
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody PublicationRequest body) {
    long version = IfMatch.version(ifMatch, FILM_VERSION);
    if (body.published() == null) {
      throw PlatformError.invalidField("published", "must be true or false");
    }
    return tagged(
        changePublication.handle(
            new ChangePublication(Callers.of(caller), id, version, body.published())));
  }

  /** A film with its version as the ETag, which an editor's change sends back as If-Match. */
  private static ResponseEntity<FilmView> tagged(Film film) {
    return IfMatch.tagged(film.version(), FilmView.of(film));
  }
}
