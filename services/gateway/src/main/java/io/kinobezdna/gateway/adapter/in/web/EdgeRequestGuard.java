package io.kinobezdna.gateway.adapter.in.web;

import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * The first look at every request, before routing, admission or public-route matching: what the
 * HTTP codec accepts but the edge does not. A refused request gets a problem answer and goes
 * nowhere.
 *
 * <ul>
 *   <li>exactly one {@code Host} header;
 *   <li>a request target in origin form ({@code /path?query}), not absolute form;
 *   <li>a method from the allow-list ({@code CONNECT}, {@code TRACE} and unknown methods: 405);
 *   <li>a path that means one thing: no dot segments, {@code ;} parameters, percent-encoded dots,
 *       slashes or backslashes, empty segments — whatever a service or a path matcher might read
 *       differently from the edge is refused rather than guessed at (400 {@code INVALID_PATH});
 *   <li>no service's actuator: {@code /api/<service>/actuator/**} is 404, as if it did not exist.
 * </ul>
 *
 * It also determines the client's address once ({@link EdgeHeaderPolicy#clientAddress}).
 */
public final class EdgeRequestGuard implements WebFilter {

  private static final Set<HttpMethod> ALLOWED =
      Set.of(
          HttpMethod.GET,
          HttpMethod.HEAD,
          HttpMethod.POST,
          HttpMethod.PUT,
          HttpMethod.PATCH,
          HttpMethod.DELETE,
          HttpMethod.OPTIONS);
  // %2e . %2f / %5c \ %00 and %25 (an encoded percent, decoded twice by some)
  private static final Pattern AMBIGUOUS =
      Pattern.compile("(?i)%2e|%2f|%5c|%00|%25|\\\\|;|//|/\\.\\.?(/|$)");
  private static final Pattern SERVICE_ACTUATOR = Pattern.compile("^/api/[^/]+/actuator(/.*)?$");

  private final EdgeHeaderPolicy headers;

  public EdgeRequestGuard(EdgeHeaderPolicy headers) {
    this.headers = headers;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    PlatformError refusal = refusal(request);
    if (refusal != null) {
      return ProblemResponses.write(exchange, refusal);
    }
    exchange
        .getAttributes()
        .put(EdgeHeaderPolicy.CLIENT_ADDRESS_ATTRIBUTE, headers.clientAddress(request));
    return chain.filter(exchange);
  }

  private static PlatformError refusal(ServerHttpRequest request) {
    List<String> hosts = request.getHeaders().get(HttpHeaders.HOST);
    if (hosts == null || hosts.size() != 1 || hosts.getFirst().isBlank()) {
      return new PlatformError(
          ErrorKind.INVALID_ARGUMENT, "INVALID_HOST", "A request needs exactly one Host header.");
    }
    if (!ALLOWED.contains(request.getMethod())) {
      return new PlatformError(
          ErrorKind.METHOD_NOT_ALLOWED,
          "METHOD_NOT_ALLOWED",
          "The method " + request.getMethod().name() + " is not served here.");
    }
    String target = requestTarget(request);
    if (!target.startsWith("/")) {
      return new PlatformError(
          ErrorKind.INVALID_ARGUMENT,
          "INVALID_REQUEST_TARGET",
          "The request target must be a path (origin form), not a full URL.");
    }
    int query = target.indexOf('?');
    String rawPath = query < 0 ? target : target.substring(0, query);
    if (AMBIGUOUS.matcher(rawPath).find()) {
      return ProblemResponses.invalidPath();
    }
    if (SERVICE_ACTUATOR.matcher(rawPath.toLowerCase(Locale.ROOT)).matches()) {
      return new PlatformError(ErrorKind.NOT_FOUND, "NOT_FOUND", "There is nothing here.");
    }
    return null;
  }

  /** The request target exactly as the request line carried it. */
  private static String requestTarget(ServerHttpRequest request) {
    HttpServerRequest nettyRequest =
        ServerHttpRequestDecorator.getNativeRequest(request) instanceof HttpServerRequest native_
            ? native_
            : null;
    return nettyRequest != null ? nettyRequest.uri() : request.getURI().getRawPath();
  }
}
