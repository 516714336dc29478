package io.kinobezdna.platform.grpchttp;

import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The HTTP/JSON routes of the service's {@link HttpJsonApi}: an in-process gRPC server for its
 * handlers and the transcoder in front of it.
 */
@AutoConfiguration(after = ProtoValidationAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnSingleCandidate(HttpJsonApi.class)
@EnableConfigurationProperties(HttpJsonProperties.class)
public class HttpJsonAutoConfiguration {

  @Bean(destroyMethod = "close")
  InProcessGrpc httpJsonInProcessGrpc(
      HttpJsonApi api,
      ProtoValidationInterceptor validation,
      ObjectProvider<ObservationRegistry> observations) {
    return InProcessGrpc.start(
        List.of(api.service()),
        validation,
        observations.getIfAvailable(() -> ObservationRegistry.NOOP));
  }

  @Bean
  HttpJsonTranscoder httpJsonTranscoder(
      HttpJsonApi api, InProcessGrpc httpJsonInProcessGrpc, HttpJsonProperties settings) {
    List<HttpRoute> routes =
        HttpRoute.of(List.of(api.service().bindService().getServiceDescriptor()));
    return new HttpJsonTranscoder(
        routes,
        httpJsonInProcessGrpc.channel(),
        api.statusOverrides(),
        settings.timeout(),
        new OpenApiDocument(api.title(), "v1", routes, api.documentedResponses()));
  }
}
