package io.kinobezdna.catalog.config;

import io.kinobezdna.catalog.adapter.in.grpc.CatalogGrpcService;
import io.kinobezdna.catalog.adapter.in.kafka.UgcEventsListener;
import io.kinobezdna.catalog.adapter.in.startup.DemoLibrarySeeder;
import io.kinobezdna.catalog.adapter.in.startup.HomePostersWarmer;
import io.kinobezdna.catalog.adapter.out.demo.BundledDemoLibrary;
import io.kinobezdna.catalog.adapter.out.files.FilesServiceMediaFiles;
import io.kinobezdna.catalog.adapter.out.jdbc.JdbcFilmMediaFiles;
import io.kinobezdna.catalog.adapter.out.jdbc.JdbcFilmRepository;
import io.kinobezdna.catalog.adapter.out.jdbc.JdbcFilmSearch;
import io.kinobezdna.catalog.adapter.out.media.RenderedFilmMedia;
import io.kinobezdna.catalog.application.Caller;
import io.kinobezdna.catalog.application.command.ChangePublicationHandler;
import io.kinobezdna.catalog.application.command.CreateFilmHandler;
import io.kinobezdna.catalog.application.command.ProvideFilmMedia;
import io.kinobezdna.catalog.application.command.ProvideFilmMedia.Medium;
import io.kinobezdna.catalog.application.command.ProvideFilmMediaHandler;
import io.kinobezdna.catalog.application.command.RecordReceptionHandler;
import io.kinobezdna.catalog.application.command.ReviseFilmHandler;
import io.kinobezdna.catalog.application.command.SeedDemoLibraryHandler;
import io.kinobezdna.catalog.application.command.WarmHomePostersHandler;
import io.kinobezdna.catalog.application.port.FilmMedia;
import io.kinobezdna.catalog.application.port.FilmRepository;
import io.kinobezdna.catalog.application.port.FilmSearch;
import io.kinobezdna.catalog.application.port.MediaFiles;
import io.kinobezdna.catalog.application.query.GetFilmCardsHandler;
import io.kinobezdna.catalog.application.query.GetFilmHandler;
import io.kinobezdna.catalog.application.query.GetProductHandler;
import io.kinobezdna.catalog.application.query.ListSkusHandler;
import io.kinobezdna.catalog.application.query.SearchFilmsHandler;
import io.kinobezdna.catalog.domain.Genre;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.json.JsonMapper;

/** Wires the catalog use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
@Import({
  CatalogGrpcService.class,
  ChangePublicationHandler.class,
  CreateFilmHandler.class,
  GetFilmCardsHandler.class,
  GetFilmHandler.class,
  GetProductHandler.class,
  ListSkusHandler.class,
  JdbcFilmMediaFiles.class,
  JdbcFilmRepository.class,
  JdbcFilmSearch.class,
  ProvideFilmMediaHandler.class,
  RecordReceptionHandler.class,
  ReviseFilmHandler.class,
  SearchFilmsHandler.class
})
public class CatalogConfiguration {

  @Bean
  FilmMedia filmMedia(
      @Value("${kb.catalog.media-directory}") Path directory,
      @Value("${kb.catalog.video-seconds:12}") int videoSeconds) {
    return new RenderedFilmMedia(directory, videoSeconds);
  }

  /**
   * The files service as the catalog's own account, when the platform runs one (./kb up passes its
   * address and the account); without it the catalog serves the media it renders itself.
   */
  @Bean
  @ConditionalOnProperty("kb.catalog.media.files-url")
  MediaFiles mediaFiles(
      @Value("${kb.catalog.media.files-url}") URI filesUrl,
      @Value("${kb.catalog.media.auth-url}") URI authUrl,
      @Value("${kb.catalog.media.account}") String account,
      @Value("${kb.catalog.media.password}") String password,
      JsonMapper json,
      Clock clock) {
    return new FilesServiceMediaFiles(
        new FilesServiceMediaFiles.Settings(filesUrl, authUrl, account, password), json, clock);
  }

  /** Film ratings and likes from UGC's events, when Kafka is configured. */
  @Bean
  @ConditionalOnProperty("kb.kafka.bootstrap-servers")
  UgcEventsListener ugcEventsListener(RecordReceptionHandler handler, JsonMapper json) {
    return new UgcEventsListener(handler, json);
  }

  @Bean
  SeedDemoLibraryHandler seedDemoLibraryHandler(
      FilmRepository films,
      Clock clock,
      @Value("${kb.catalog.demo.generated-films:480}") int generated) {
    return new SeedDemoLibraryHandler(films, new BundledDemoLibrary(generated), clock);
  }

  /** An empty catalog gets the demo library at start-up (unless kb.catalog.demo.enabled=false). */
  @Bean
  @Order(0)
  @ConditionalOnProperty(value = "kb.catalog.demo.enabled", matchIfMissing = true)
  DemoLibrarySeeder demoLibrarySeeder(SeedDemoLibraryHandler seed) {
    return new DemoLibrarySeeder(seed);
  }

  /** The home rows' posters, stored in files ahead of the first visit (when files is at hand). */
  @Bean
  @ConditionalOnProperty("kb.catalog.media.files-url")
  WarmHomePostersHandler warmHomePostersHandler(
      FilmSearch search,
      ProvideFilmMediaHandler media,
      @Value("${kb.catalog.home-genres:sci-fi,comedy,horror,silent}") List<String> homeGenres) {
    return new WarmHomePostersHandler(
        search,
        id -> media.handle(new ProvideFilmMedia(Caller.ANONYMOUS, id, Medium.POSTER)),
        homeGenres.stream().map(code -> Genre.ofCode(code).orElseThrow()).toList());
  }

  /** After seeding: the demo films are there to warm. */
  @Bean
  @Order(1)
  @ConditionalOnProperty("kb.catalog.media.files-url")
  HomePostersWarmer homePostersWarmer(WarmHomePostersHandler handler) {
    return new HomePostersWarmer(handler);
  }
}
