package io.kinobezdna.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TransferRoutesTest {

  private final TransferRoutes routes =
      new TransferRoutes(List.of("POST /api/files/files", "GET /api/files/files/*/content", " "));

  @Test
  void matchesMethodAndEverySegment() {
    assertThat(routes.isTransfer("POST", "/api/files/files")).isTrue();
    assertThat(routes.isTransfer("GET", "/api/files/files/42/content")).isTrue();
    assertThat(routes.isTransfer("GET", "/api/files/files/42/content/")).isTrue();
    assertThat(routes.isTransfer("GET", "//api/files//files/42/content")).isTrue();
  }

  @Test
  void anythingElseIsAnOrdinaryCall() {
    assertThat(routes.isTransfer("GET", "/api/files/files")).isFalse();
    assertThat(routes.isTransfer("DELETE", "/api/files/files/42/content")).isFalse();
    assertThat(routes.isTransfer("GET", "/api/files/files/42/metadata")).isFalse();
    assertThat(routes.isTransfer("GET", "/api/files/files/42/content/more")).isFalse();
    assertThat(routes.isTransfer("GET", "/api/files/files/42")).isFalse();
    assertThat(routes.isTransfer("GET", "/api/files/filesx/42/content")).isFalse();
    assertThat(routes.isTransfer("GET", "/api/files/files//content")).isFalse();
    assertThat(new TransferRoutes(List.of("/api/x/*")).isTransfer("PUT", "/api/x/1")).isTrue();
  }
}
