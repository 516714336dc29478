package io.kinobezdna.platform.grpcweb;

import io.grpc.ServerServiceDefinition;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.grpc.server.service.GrpcServiceConfigurer;
import org.springframework.grpc.server.service.GrpcServiceDiscoverer;

/**
 * gRPC-Web for a service that sets {@code kb.grpc-web.port}: the same services, with the same
 * interceptors, that Spring gRPC serves on the native gRPC port ({@link GrpcServiceDiscoverer},
 * {@link GrpcServiceConfigurer}), served again by {@link GrpcWebServer}.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.grpc.server.autoconfigure.GrpcServerAutoConfiguration")
@ConditionalOnProperty("kb.grpc-web.port")
@ConditionalOnBean(GrpcServiceDiscoverer.class)
@EnableConfigurationProperties(GrpcWebProperties.class)
public class GrpcWebAutoConfiguration {

  @Bean
  GrpcWebServer grpcWebServer(
      GrpcServiceDiscoverer discoverer,
      GrpcServiceConfigurer configurer,
      GrpcWebProperties properties) {
    List<ServerServiceDefinition> services =
        discoverer.findServices().stream().map(spec -> configurer.configure(spec, null)).toList();
    return new GrpcWebServer(services, properties);
  }
}
