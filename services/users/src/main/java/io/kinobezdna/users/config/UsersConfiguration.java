package io.kinobezdna.users.config;

import io.grpc.ServerInterceptor;
import io.kinobezdna.platform.auth.JwtVerifier;
import io.kinobezdna.platform.context.GrpcContextInterceptors;
import io.kinobezdna.platform.web.ServletPlatformSupport;
import io.kinobezdna.users.adapter.in.grpc.UsersGrpcService;
import io.kinobezdna.users.adapter.out.jdbc.JdbcFollowRepository;
import io.kinobezdna.users.adapter.out.jdbc.JdbcProfileRepository;
import io.kinobezdna.users.adapter.out.jdbc.JdbcSettingsRepository;
import io.kinobezdna.users.application.command.ChangeFollowHandler;
import io.kinobezdna.users.application.command.EnsureProfileHandler;
import io.kinobezdna.users.application.command.UpdateProfileHandler;
import io.kinobezdna.users.application.command.UpdateSettingsHandler;
import io.kinobezdna.users.application.port.FollowRepository;
import io.kinobezdna.users.application.port.ProfileRepository;
import io.kinobezdna.users.application.port.SettingsRepository;
import io.kinobezdna.users.application.query.GetMeHandler;
import io.kinobezdna.users.application.query.GetPersonHandler;
import io.kinobezdna.users.application.query.GetProfilesHandler;
import io.kinobezdna.users.application.query.ListPeopleHandler;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wires the users use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
@Import(ServletPlatformSupport.class)
public class UsersConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
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
  ProfileRepository profileRepository(JdbcClient jdbc) {
    return new JdbcProfileRepository(jdbc);
  }

  @Bean
  SettingsRepository settingsRepository(JdbcClient jdbc) {
    return new JdbcSettingsRepository(jdbc);
  }

  @Bean
  FollowRepository followRepository(JdbcClient jdbc) {
    return new JdbcFollowRepository(jdbc);
  }

  @Bean
  EnsureProfileHandler ensureProfileHandler(ProfileRepository profiles, Clock clock) {
    return new EnsureProfileHandler(profiles, clock);
  }

  @Bean
  UpdateProfileHandler updateProfileHandler(ProfileRepository profiles, Clock clock) {
    return new UpdateProfileHandler(profiles, clock);
  }

  @Bean
  UpdateSettingsHandler updateSettingsHandler(SettingsRepository settings) {
    return new UpdateSettingsHandler(settings);
  }

  @Bean
  ChangeFollowHandler changeFollowHandler(
      ProfileRepository profiles, FollowRepository follows, Clock clock) {
    return new ChangeFollowHandler(profiles, follows, clock);
  }

  @Bean
  GetMeHandler getMeHandler(ProfileRepository profiles, SettingsRepository settings) {
    return new GetMeHandler(profiles, settings);
  }

  @Bean
  GetPersonHandler getPersonHandler(ProfileRepository profiles, FollowRepository follows) {
    return new GetPersonHandler(profiles, follows);
  }

  @Bean
  ListPeopleHandler listPeopleHandler(ProfileRepository profiles, FollowRepository follows) {
    return new ListPeopleHandler(profiles, follows);
  }

  @Bean
  GetProfilesHandler getProfilesHandler(ProfileRepository profiles) {
    return new GetProfilesHandler(profiles);
  }

  @Bean
  UsersGrpcService usersGrpcService(
      GetProfilesHandler getProfiles, ListPeopleHandler listPeople, JwtVerifier verifier) {
    return new UsersGrpcService(getProfiles, listPeople, verifier);
  }
}
