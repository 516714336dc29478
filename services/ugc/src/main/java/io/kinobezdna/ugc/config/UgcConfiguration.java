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
import io.kinobezdna.ugc.application.command.ModerateReviewHandler;
import io.kinobezdna.ugc.application.command.ReactHandler;
import io.kinobezdna.ugc.application.command.SaveProgressHandler;
import io.kinobezdna.ugc.application.command.WithdrawReviewHandler;
import io.kinobezdna.ugc.application.command.WriteReviewHandler;
import io.kinobezdna.ugc.application.port.Films;
import io.kinobezdna.ugc.application.query.ContinueWatchingHandler;
import io.kinobezdna.ugc.application.query.GetMyFilmHandler;
import io.kinobezdna.ugc.application.query.ListFriendsWhoWantHandler;
import io.kinobezdna.ugc.application.query.ListPendingReviewsHandler;
import io.kinobezdna.ugc.application.query.ListPublishedReviewsHandler;
import io.kinobezdna.ugc.application.query.ListWhoLikedHandler;
import io.kinobezdna.ugc.application.query.ListWishlistHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Wires the UGC use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
@Import({
  ContinueWatchingHandler.class,
  ListFriendsWhoWantHandler.class,
  GetMyFilmHandler.class,
  JdbcFilmTotals.class,
  JdbcProgress.class,
  JdbcReactions.class,
  JdbcReviews.class,
  ListPendingReviewsHandler.class,
  ListPublishedReviewsHandler.class,
  ListWishlistHandler.class,
  ModerateReviewHandler.class,
  OutboxUgcEvents.class,
  ReactHandler.class,
  SaveProgressHandler.class,
  UgcGrpcService.class,
  ListWhoLikedHandler.class,
  WithdrawReviewHandler.class,
  WriteReviewHandler.class
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
