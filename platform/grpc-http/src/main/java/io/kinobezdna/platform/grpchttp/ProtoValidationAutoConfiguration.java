package io.kinobezdna.platform.grpchttp;

import io.kinobezdna.platform.autoconfigure.PlatformCoreAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.grpc.server.GlobalServerInterceptor;

/**
 * Every gRPC call's request is checked against its contract's protovalidate rules before a handler
 * sees it, whether it came over the network or from the HTTP/JSON transcoder.
 */
@AutoConfiguration(after = PlatformCoreAutoConfiguration.class)
public class ProtoValidationAutoConfiguration {

  @Bean
  @GlobalServerInterceptor
  @ConditionalOnMissingBean
  ProtoValidationInterceptor protoValidation() {
    return new ProtoValidationInterceptor();
  }
}
