package io.kinobezdna.platform.grpchttp;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.kinobezdna.contracts.cart.v1.CartServiceGrpc;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A servlet service that declares an {@link HttpJsonApi} serves it; nothing else does. */
class HttpJsonAutoConfigurationTest {

  private static final AutoConfigurations PLATFORM =
      AutoConfigurations.of(
          ProtoValidationAutoConfiguration.class, HttpJsonAutoConfiguration.class);

  @Test
  void aDeclaredApiIsServedWithItsOpenApiDocument() throws Exception {
    new WebApplicationContextRunner()
        .withConfiguration(PLATFORM)
        .withBean(
            HttpJsonApi.class,
            () ->
                new HttpJsonApi(
                    "KinoBezdna cart",
                    new CartServiceGrpc.CartServiceImplBase() {},
                    Map.of(Status.Code.FAILED_PRECONDITION, 412),
                    Map.of(412, "Unknown SKU.")))
        .run(
            context -> {
              assertThat(context).hasSingleBean(ProtoValidationInterceptor.class);
              MockHttpServletResponse response = new MockHttpServletResponse();
              context
                  .getBean(HttpJsonTranscoder.class)
                  .doFilter(
                      new MockHttpServletRequest("GET", "/openapi.json"),
                      response,
                      new MockFilterChain());
              assertThat(response.getStatus()).isEqualTo(200);
              assertThat(response.getContentAsString())
                  .contains("KinoBezdna cart")
                  .contains("Unknown SKU.");
            });
  }

  @Test
  void withoutAnApiThereIsNoTranscoder() {
    new WebApplicationContextRunner()
        .withConfiguration(PLATFORM)
        .run(context -> assertThat(context).doesNotHaveBean(HttpJsonTranscoder.class));
  }

  @Test
  void aServiceThatIsNoServletApplicationServesNoHttpJson() {
    new ApplicationContextRunner()
        .withConfiguration(PLATFORM)
        .withBean(
            HttpJsonApi.class,
            () -> new HttpJsonApi("cart", new CartServiceGrpc.CartServiceImplBase() {}))
        .run(
            context -> {
              assertThat(context).hasSingleBean(ProtoValidationInterceptor.class);
              assertThat(context).doesNotHaveBean(HttpJsonTranscoder.class);
            });
  }
}
