package io.kinobezdna.platform.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestContextFilterTest {

  @Test
  void theRequestRunsInItsContextAndTheResponseEchoesTheRequestId() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/films");
    request.addHeader("X-Request-Id", "abc-123");
    request.addHeader("X-Caller-Id", "user-1");
    MockHttpServletResponse response = new MockHttpServletResponse();
    AtomicReference<RequestContext> seen = new AtomicReference<>();

    new RequestContextFilter()
        .doFilter(
            request,
            response,
            new MockFilterChain(
                new jakarta.servlet.http.HttpServlet() {
                  @Override
                  protected void service(
                      jakarta.servlet.http.HttpServletRequest req,
                      jakarta.servlet.http.HttpServletResponse res) {
                    seen.set(RequestContext.current().orElseThrow());
                  }
                }));

    assertThat(seen.get().requestId()).isEqualTo("abc-123");
    assertThat(seen.get().callerId()).contains("user-1");
    assertThat(response.getHeader("x-request-id")).isEqualTo("abc-123");
    assertThat(RequestContext.current()).isEmpty();
  }
}
