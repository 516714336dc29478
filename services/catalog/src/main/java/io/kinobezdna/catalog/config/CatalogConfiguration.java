package io.kinobezdna.catalog.config;

import io.grpc.ServerInterceptor;
import io.kinobezdna.catalog.adapter.in.grpc.CatalogGrpcService;
import io.kinobezdna.catalog.adapter.in.kafka.UgcEventsListener;
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
import io.kinobezdna.catalog.application.command.ProvideFilmMediaHandler;
import io.kinobezdna.catalog.application.command.RecordReceptionHandler;
import io.kinobezdna.catalog.application.command.ReviseFilmHandler;
import io.kinobezdna.catalog.application.command.SeedDemoLibraryHandler;
import io.kinobezdna.catalog.application.command.WarmHomePostersHandler;
import io.kinobezdna.catalog.application.port.FilmMedia;
import io.kinobezdna.catalog.application.port.FilmMediaFiles;
import io.kinobezdna.catalog.application.port.FilmRepository;
import io.kinobezdna.catalog.application.port.FilmSearch;
import io.kinobezdna.catalog.application.port.MediaFiles;
import io.kinobezdna.catalog.application.query.GetFilm;
import io.kinobezdna.catalog.application.query.GetFilmCardsHandler;
import io.kinobezdna.catalog.application.query.GetFilmHandler;
import io.kinobezdna.catalog.application.query.GetProductHandler;
import io.kinobezdna.catalog.application.query.SearchFilmsHandler;
import io.kinobezdna.catalog.domain.Genre;
import io.kinobezdna.platform.auth.JwtVerifier;
import io.kinobezdna.platform.context.GrpcContextInterceptors;
import io.kinobezdna.platform.id.UuidV7;
import io.kinobezdna.platform.web.ServletPlatformSupport;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wires the catalog use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
@Import(ServletPlatformSupport.class)
public class CatalogConfiguration {

  private static final Logger log = LoggerFactory.getLogger(CatalogConfiguration.class);

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  UuidV7 ids(Clock clock) {
    return new UuidV7(clock, new SecureRandom());
  }

  @Bean
  JwtVerifier jwtVerifier(
      @Value("${kb.auth.jwks-url}") URI jwksUrl,
      @Value("${kb.auth.audience:kinobezdna}") String audience) {
    return new JwtVerifier(jwksUrl, audience, Duration.ofMinutes(5));
  }

  @Bean
  @GlobalServerInterceptor
  ServerInterceptor requestContextInterceptor() {
    return GrpcContextInterceptors.server();
  }

  @Bean
  FilmRepository filmRepository(JdbcClient jdbc, TransactionTemplate transactions) {
    return new JdbcFilmRepository(jdbc, transactions);
  }

  @Bean
  FilmSearch filmSearch(JdbcClient jdbc, Clock clock) {
    return new JdbcFilmSearch(jdbc, clock);
  }

  @Bean
  FilmMedia filmMedia(
      @Value("${kb.catalog.media-directory}") Path directory,
      @Value("${kb.catalog.video-seconds:12}") int videoSeconds) {
    return new RenderedFilmMedia(directory, videoSeconds);
  }

  @Bean
  SearchFilmsHandler searchFilmsHandler(FilmSearch search) {
    return new SearchFilmsHandler(search);
  }

  @Bean
  GetFilmHandler getFilmHandler(FilmRepository films) {
    return new GetFilmHandler(films);
  }

  @Bean
  GetFilmCardsHandler getFilmCardsHandler(FilmRepository films) {
    return new GetFilmCardsHandler(films);
  }

  @Bean
  GetProductHandler getProductHandler(FilmRepository films) {
    return new GetProductHandler(films);
  }

  @Bean
  FilmMediaFiles filmMediaFiles(JdbcClient jdbc, Clock clock) {
    return new JdbcFilmMediaFiles(jdbc, clock);
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

  @Bean
  ProvideFilmMediaHandler provideFilmMediaHandler(
      GetFilmHandler films,
      FilmMedia renderer,
      FilmMediaFiles stored,
      Optional<MediaFiles> mediaFiles) {
    return new ProvideFilmMediaHandler(films, renderer, stored, mediaFiles);
  }

  @Bean
  CreateFilmHandler createFilmHandler(FilmRepository films, UuidV7 ids, Clock clock) {
    return new CreateFilmHandler(films, ids, clock);
  }

  @Bean
  ReviseFilmHandler reviseFilmHandler(FilmRepository films, Clock clock) {
    return new ReviseFilmHandler(films, clock);
  }

  @Bean
  ChangePublicationHandler changePublicationHandler(FilmRepository films, Clock clock) {
    return new ChangePublicationHandler(films, clock);
  }

  @Bean
  CatalogGrpcService catalogGrpcService(
      GetProductHandler products, GetFilmCardsHandler cards, JwtVerifier verifier) {
    return new CatalogGrpcService(products, cards, verifier);
  }

  @Bean
  RecordReceptionHandler recordReceptionHandler(FilmRepository films) {
    return new RecordReceptionHandler(films);
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
  ApplicationRunner seedDemoLibrary(
      SeedDemoLibraryHandler seed, @Value("${kb.catalog.demo.enabled:true}") boolean enabled) {
    return args -> {
      if (enabled) {
        int added = seed.handle();
        if (added > 0) {
          log.info("catalog: seeded the demo library with {} films", added);
        }
      }
    };
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
        id -> media.poster(new GetFilm(Caller.ANONYMOUS, id)),
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
