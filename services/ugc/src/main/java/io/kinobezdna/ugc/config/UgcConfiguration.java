package io.kinobezdna.ugc.config;

import io.grpc.ManagedChannel;
import io.grpc.ServerInterceptor;
import io.kinobezdna.contracts.catalog.v1.CatalogServiceGrpc;
import io.kinobezdna.contracts.users.v1.UsersServiceGrpc;
import io.kinobezdna.platform.auth.JwtVerifier;
import io.kinobezdna.platform.context.GrpcContextInterceptors;
import io.kinobezdna.platform.grpc.GrpcChannels;
import io.kinobezdna.platform.id.UuidV7;
import io.kinobezdna.platform.outbox.OutboxRelayConfiguration;
import io.kinobezdna.platform.outbox.OutboxWriter;
import io.kinobezdna.platform.tx.SpringTransactions;
import io.kinobezdna.platform.tx.Transactions;
import io.kinobezdna.platform.web.ServletPlatformSupport;
import io.kinobezdna.ugc.adapter.in.grpc.UgcGrpcService;
import io.kinobezdna.ugc.adapter.out.grpc.CatalogGrpcFilms;
import io.kinobezdna.ugc.adapter.out.grpc.UsersGrpcPeople;
import io.kinobezdna.ugc.adapter.out.jdbc.JdbcFilmTotals;
import io.kinobezdna.ugc.adapter.out.jdbc.JdbcProgress;
import io.kinobezdna.ugc.adapter.out.jdbc.JdbcReactions;
import io.kinobezdna.ugc.adapter.out.jdbc.JdbcReviews;
import io.kinobezdna.ugc.adapter.out.outbox.OutboxUgcEvents;
import io.kinobezdna.ugc.application.command.ReactHandler;
import io.kinobezdna.ugc.application.command.ReviewHandler;
import io.kinobezdna.ugc.application.command.SaveProgressHandler;
import io.kinobezdna.ugc.application.port.FilmTotalsRepository;
import io.kinobezdna.ugc.application.port.Films;
import io.kinobezdna.ugc.application.port.Friends;
import io.kinobezdna.ugc.application.port.Profiles;
import io.kinobezdna.ugc.application.port.ProgressRepository;
import io.kinobezdna.ugc.application.port.Reactions;
import io.kinobezdna.ugc.application.port.Reviews;
import io.kinobezdna.ugc.application.port.UgcEvents;
import io.kinobezdna.ugc.application.query.FriendsWhoWantHandler;
import io.kinobezdna.ugc.application.query.ReviewQueries;
import io.kinobezdna.ugc.application.query.ViewerQueries;
import io.kinobezdna.ugc.application.query.WhoLikedHandler;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wires the UGC use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
@Import({ServletPlatformSupport.class, OutboxRelayConfiguration.class})
public class UgcConfiguration {

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
  Transactions transactions(TransactionTemplate template) {
    return new SpringTransactions(template);
  }

  @Bean
  Reactions reactions(JdbcClient jdbc) {
    return new JdbcReactions(jdbc);
  }

  @Bean
  FilmTotalsRepository filmTotals(JdbcClient jdbc) {
    return new JdbcFilmTotals(jdbc);
  }

  @Bean
  ProgressRepository progress(JdbcClient jdbc) {
    return new JdbcProgress(jdbc);
  }

  @Bean
  UgcEvents ugcEvents(JdbcClient jdbc, JsonMapper json) {
    return new OutboxUgcEvents(new OutboxWriter(jdbc), json);
  }

  @Bean(destroyMethod = "shutdownNow")
  ManagedChannel usersChannel(@Value("${kb.grpc-services.users}") URI users) {
    return GrpcChannels.toService(users);
  }

  @Bean(destroyMethod = "shutdownNow")
  ManagedChannel catalogChannel(@Value("${kb.grpc-services.catalog}") URI catalog) {
    return GrpcChannels.toService(catalog);
  }

  @Bean
  UsersGrpcPeople people(ManagedChannel usersChannel) {
    return new UsersGrpcPeople(UsersServiceGrpc.newBlockingStub(usersChannel));
  }

  @Bean
  Films films(ManagedChannel catalogChannel) {
    return new CatalogGrpcFilms(CatalogServiceGrpc.newBlockingStub(catalogChannel));
  }

  @Bean
  ReactHandler reactHandler(
      Reactions reactions,
      FilmTotalsRepository totals,
      UgcEvents events,
      Films films,
      Transactions transactions,
      UuidV7 ids,
      Clock clock) {
    return new ReactHandler(reactions, totals, events, films, transactions, ids, clock);
  }

  @Bean
  SaveProgressHandler saveProgressHandler(
      ProgressRepository progress,
      FilmTotalsRepository totals,
      UgcEvents events,
      Films films,
      Transactions transactions,
      UuidV7 ids,
      Clock clock) {
    return new SaveProgressHandler(progress, totals, events, films, transactions, ids, clock);
  }

  @Bean
  ViewerQueries viewerQueries(
      Reactions reactions, ProgressRepository progress, FilmTotalsRepository totals) {
    return new ViewerQueries(reactions, progress, totals);
  }

  @Bean
  FriendsWhoWantHandler friendsWhoWantHandler(Friends friends, Reactions reactions) {
    return new FriendsWhoWantHandler(friends, reactions);
  }

  @Bean
  WhoLikedHandler whoLikedHandler(Friends friends, Profiles profiles, Reactions reactions) {
    return new WhoLikedHandler(friends, profiles, reactions);
  }

  @Bean
  Reviews reviews(JdbcClient jdbc) {
    return new JdbcReviews(jdbc);
  }

  @Bean
  ReviewHandler reviewHandler(
      Reviews reviews, Films films, Transactions transactions, UuidV7 ids, Clock clock) {
    return new ReviewHandler(reviews, films, transactions, ids, clock);
  }

  @Bean
  ReviewQueries reviewQueries(Reviews reviews) {
    return new ReviewQueries(reviews);
  }

  @Bean
  UgcGrpcService ugcGrpcService(FriendsWhoWantHandler friendsWhoWant, JwtVerifier verifier) {
    return new UgcGrpcService(friendsWhoWant, verifier);
  }
}
