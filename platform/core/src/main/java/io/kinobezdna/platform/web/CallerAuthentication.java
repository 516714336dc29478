package io.kinobezdna.platform.web;

import io.kinobezdna.platform.auth.JwtVerifier;
import io.kinobezdna.platform.auth.PublicEndpoint;
import io.kinobezdna.platform.auth.VerifiedCaller;
import io.kinobezdna.platform.context.RequestContext;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Who is calling a servlet service. Every service checks the bearer token itself (defence in depth:
 * the gateway checks it too, but a service must not trust a caller it cannot verify). A request
 * with a bad token is refused with 401 whatever it asks for; a request without one reaches only
 * handlers declared {@link PublicEndpoint} — every other handler needs a verified caller, whether
 * or not it asks for a {@link VerifiedCaller} parameter. A public handler that takes an {@code
 * Optional<VerifiedCaller>} knows a signed-in caller too.
 */
public final class CallerAuthentication implements HandlerInterceptor {

  static final String CALLER_ATTRIBUTE = CallerAuthentication.class.getName() + ".caller";

  private final JwtVerifier verifier;

  public CallerAuthentication(JwtVerifier verifier) {
    this.verifier = verifier;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (request.getAttribute(CALLER_ATTRIBUTE) != null) {
      return true; // already verified on this request (an error dispatch, a forward)
    }
    String authorization = request.getHeader("Authorization");
    if (authorization == null) {
      if (isPublic(handler) || request.getDispatcherType() == DispatcherType.ERROR) {
        return true;
      }
      throw authenticationRequired();
    }
    String token =
        RequestContext.current()
            .flatMap(RequestContext::bearerToken)
            .orElseThrow(CallerAuthentication::authenticationRequired);
    request.setAttribute(CALLER_ATTRIBUTE, verifier.verify(token));
    return true;
  }

  /**
   * A handler method declared public, or one of a controller declared public as a whole; anything
   * that is not a handler method of the service's own (static resources) counts as public.
   */
  public static boolean isPublic(Object handler) {
    if (!(handler instanceof HandlerMethod method)) {
      return true; // static resources and the like: no handler of the service's own
    }
    return method.hasMethodAnnotation(PublicEndpoint.class)
        || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PublicEndpoint.class);
  }

  static PlatformError authenticationRequired() {
    return new PlatformError(
        ErrorKind.UNAUTHENTICATED,
        "AUTHENTICATION_REQUIRED",
        "Sign in to do this: the request needs a valid bearer token.");
  }

  /**
   * Resolves a {@link VerifiedCaller} handler parameter, or answers 401 when there is none; an
   * {@code Optional<VerifiedCaller>} parameter is empty instead.
   */
  public static final class CallerArgument implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
      return parameter.nestedIfOptional().getNestedParameterType().equals(VerifiedCaller.class);
    }

    @Override
    public Object resolveArgument(
        MethodParameter parameter,
        ModelAndViewContainer container,
        NativeWebRequest request,
        WebDataBinderFactory binderFactory) {
      Object caller = request.getAttribute(CALLER_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
      if (parameter.isOptional()) {
        return Optional.ofNullable(caller);
      }
      if (caller == null) {
        throw authenticationRequired();
      }
      return caller;
    }
  }
}
