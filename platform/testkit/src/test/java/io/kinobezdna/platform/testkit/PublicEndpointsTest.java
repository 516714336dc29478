package io.kinobezdna.platform.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.stub.StreamObserver;
import io.grpc.testing.protobuf.SimpleRequest;
import io.grpc.testing.protobuf.SimpleResponse;
import io.grpc.testing.protobuf.SimpleServiceGrpc;
import io.kinobezdna.platform.auth.JwtVerifier;
import io.kinobezdna.platform.auth.PublicEndpoint;
import io.kinobezdna.platform.grpc.CallerRequiredInterceptor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

class PublicEndpointsTest {

  @RestController
  static class Films {
    @PublicEndpoint
    @GetMapping({"/films", "/films/"})
    String list() {
      return "";
    }

    @PostMapping("/films")
    String create() {
      return "";
    }
  }

  @RestController
  @PublicEndpoint
  static class Genres {
    @GetMapping("/genres")
    String list() {
      return "";
    }
  }

  static final class Echo extends SimpleServiceGrpc.SimpleServiceImplBase {
    @PublicEndpoint
    @Override
    public void unaryRpc(SimpleRequest request, StreamObserver<SimpleResponse> responses) {}
  }

  @Test
  void listsTheGrpcMethodsDeclaredPublic() {
    try (GenericApplicationContext service = new GenericApplicationContext()) {
      service.registerBean(
          CallerRequiredInterceptor.class,
          () ->
              new CallerRequiredInterceptor(
                  new JwtVerifier((selector, context) -> List.of(), "kinobezdna"),
                  List.of(new Echo())));
      service.refresh();

      assertThat(PublicEndpoints.grpcMethods(service))
          .containsExactly("grpc.testing.SimpleService/UnaryRpc");
    }
  }

  @Test
  void listsTheDeclaredHandlersOnlyByMethodAndPath() {
    try (GenericApplicationContext service = new GenericApplicationContext()) {
      service.registerBean(Films.class);
      service.registerBean(Genres.class);
      service.registerBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
      service.refresh();

      assertThat(PublicEndpoints.of(service))
          .containsExactly("GET /films", "GET /films/", "GET /genres");
    }
  }
}
