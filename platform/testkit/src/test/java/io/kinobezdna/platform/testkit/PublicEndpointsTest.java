package io.kinobezdna.platform.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinobezdna.platform.auth.PublicEndpoint;
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
