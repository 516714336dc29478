package io.kinobezdna.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinobezdna.platform.errors.PlatformError;
import org.junit.jupiter.api.Test;

class IfMatchTest {

  @Test
  void theVersionAnETagNamesComesBackFromIfMatch() {
    assertThat(IfMatch.etag(7)).isEqualTo("\"7\"");
    assertThat(IfMatch.version(IfMatch.etag(7), "GET /x")).isEqualTo(7);
    assertThat(IfMatch.version("W/\"12\"", "GET /x")).isEqualTo(12);
    assertThat(IfMatch.version(" 3 ", "GET /x")).isEqualTo(3);
    assertThat(IfMatch.tagged(7, "film").getHeaders().getETag()).isEqualTo("\"7\"");
    assertThat(IfMatch.tagged(7, "film").getBody()).isEqualTo("film");
  }

  @Test
  void aChangeWithoutAUsableVersionIsABadRequestThatSaysWhereToGetOne() {
    for (String header : new String[] {null, "", "*", "\"abc\"", "\"1\", \"2\""}) {
      assertThatThrownBy(() -> IfMatch.version(header, "GET /films/{id}"))
          .as("If-Match: %s", header)
          .isInstanceOfSatisfying(
              PlatformError.class,
              error ->
                  assertThat(error.violations())
                      .singleElement()
                      .satisfies(
                          violation -> {
                            assertThat(violation.field()).isEqualTo("If-Match");
                            assertThat(violation.description()).contains("GET /films/{id}");
                          }));
    }
  }
}
