package io.kinobezdna.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinobezdna.platform.auth.JwtVerifier;
import io.kinobezdna.platform.auth.PublicEndpoint;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

/** Without a token a request reaches only what is declared public. */
class CallerAuthenticationTest {

  private final CallerAuthentication authentication =
      new CallerAuthentication(new JwtVerifier((selector, context) -> List.of(), "kinobezdna"));

  static class Handlers {
    @PublicEndpoint
    public String browse() {
      return "films";
    }

    public String forgotToAskForACaller() {
      return "private";
    }
  }

  @PublicEndpoint
  static class PublicHandlers {
    public String jwks() {
      return "keys";
    }
  }

  private static HandlerMethod handler(Object bean, String name) throws NoSuchMethodException {
    return new HandlerMethod(bean, bean.getClass().getMethod(name));
  }

  @Test
  void anAnonymousRequestReachesADeclaredPublicHandler() throws Exception {
    assertThat(anonymous(handler(new Handlers(), "browse"))).isTrue();
    assertThat(anonymous(handler(new PublicHandlers(), "jwks"))).isTrue();
  }

  @Test
  void anAnonymousRequestToAnyOtherHandlerIsRefusedWith401() {
    assertThatThrownBy(() -> anonymous(handler(new Handlers(), "forgotToAskForACaller")))
        .isInstanceOfSatisfying(
            PlatformError.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHENTICATED);
              assertThat(e.reason()).isEqualTo("AUTHENTICATION_REQUIRED");
            });
  }

  @Test
  void theErrorPageOfAFailedRequestIsNotRefusedAgain() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
    request.setDispatcherType(DispatcherType.ERROR);
    assertThat(
            authentication.preHandle(
                request,
                new MockHttpServletResponse(),
                handler(new Handlers(), "forgotToAskForACaller")))
        .isTrue();
  }

  private boolean anonymous(HandlerMethod handler) {
    return authentication.preHandle(
        new MockHttpServletRequest("GET", "/x"), new MockHttpServletResponse(), handler);
  }
}
