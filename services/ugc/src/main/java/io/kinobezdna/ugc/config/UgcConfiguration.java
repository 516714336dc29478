package io.kinobezdna.ugc.config;

import io.kinobezdna.contracts.catalog.v1.CatalogServiceGrpc;
import io.kinobezdna.contracts.users.v1.UsersServiceGrpc;
import io.kinobezdna.platform.grpc.GrpcServiceChannels;
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
import io.kinobezdna.ugc.application.port.Films;
import io.kinobezdna.ugc.application.query.FriendsWhoWantHandler;
import io.kinobezdna.ugc.application.query.ReviewQueries;
import io.kinobezdna.ugc.application.query.ViewerQueries;
import io.kinobezdna.ugc.application.query.WhoLikedHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Wires the UGC use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
@Import({
  FriendsWhoWantHandler.class,
  JdbcFilmTotals.class,
  JdbcProgress.class,
  JdbcReactions.class,
  JdbcReviews.class,
  OutboxUgcEvents.class,
  ReactHandler.class,
  ReviewHandler.class,
  ReviewQueries.class,
  SaveProgressHandler.class,
  UgcGrpcService.class,
  ViewerQueries.class,
  WhoLikedHandler.class
})
public class UgcConfiguration {

  @Bean
  UsersGrpcPeople people(GrpcServiceChannels channels) {
    return new UsersGrpcPeople(UsersServiceGrpc.newBlockingStub(channels.channel("users")));
  }

  @Bean
  Films films(GrpcServiceChannels channels) {
    return new CatalogGrpcFilms(CatalogServiceGrpc.newBlockingStub(channels.channel("catalog")));
  }
}
