package io.kinobezdna.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

class ProblemJsonAdviceTest {

  private final ProblemJsonAdvice advice = new ProblemJsonAdvice();

  @Test
  void aClientThatWentAwayGetsNoAnswer() {
    assertThat(
            advice.unexpected(
                new AsyncRequestNotUsableException("flush failed", new IOException("Broken pipe"))))
        .isNull();
  }

  @Test
  void anythingElseUnexpectedIsA500ProblemWithoutItsStory() {
    var response = advice.unexpected(new IllegalStateException("secret internals"));
    assertThat(response.getStatusCode().value()).isEqualTo(500);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(String.valueOf(response.getBody())).doesNotContain("secret internals");
  }
}
