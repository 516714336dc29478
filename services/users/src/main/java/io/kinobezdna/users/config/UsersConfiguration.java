package io.kinobezdna.users.config;

import io.kinobezdna.contracts.files.v1.FilesServiceGrpc;
import io.kinobezdna.platform.grpc.GrpcServiceChannels;
import io.kinobezdna.users.adapter.in.grpc.UsersGrpcService;
import io.kinobezdna.users.adapter.out.grpc.FilesGrpcAvatars;
import io.kinobezdna.users.adapter.out.jdbc.JdbcFollowRepository;
import io.kinobezdna.users.adapter.out.jdbc.JdbcProfileRepository;
import io.kinobezdna.users.adapter.out.jdbc.JdbcSettingsRepository;
import io.kinobezdna.users.application.command.ChangeFollowHandler;
import io.kinobezdna.users.application.command.EnsureProfileHandler;
import io.kinobezdna.users.application.command.UpdateProfileHandler;
import io.kinobezdna.users.application.command.UpdateSettingsHandler;
import io.kinobezdna.users.application.port.Avatars;
import io.kinobezdna.users.application.query.GetMeHandler;
import io.kinobezdna.users.application.query.GetPersonHandler;
import io.kinobezdna.users.application.query.GetProfilesHandler;
import io.kinobezdna.users.application.query.ListAllFriendsHandler;
import io.kinobezdna.users.application.query.ListPeopleHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Wires the users use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
@Import({
  ChangeFollowHandler.class,
  EnsureProfileHandler.class,
  GetMeHandler.class,
  GetPersonHandler.class,
  GetProfilesHandler.class,
  JdbcFollowRepository.class,
  JdbcProfileRepository.class,
  JdbcSettingsRepository.class,
  ListPeopleHandler.class,
  ListAllFriendsHandler.class,
  UpdateProfileHandler.class,
  UpdateSettingsHandler.class,
  UsersGrpcService.class
})
public class UsersConfiguration {

  /** Avatars are checked with files, as the calling user. */
  @Bean
  Avatars avatars(GrpcServiceChannels channels) {
    return new FilesGrpcAvatars(FilesServiceGrpc.newBlockingStub(channels.channel("files")));
  }
}
