package io.kinobezdna.gateway.adapter.in.web;

import io.kinobezdna.gateway.domain.PublicRoutes;
import io.kinobezdna.platform.auth.JwtVerifier;
import io.kinobezdna.platform.auth.VerifiedCaller;
import io.kinobezdna.platform.context.ContextPropagation;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Authentication at the edge, for every /api request: identity headers a client sent are dropped; a
 * bearer token is verified (signature via the JWKS, expiry, audience) and its caller forwarded as
 * {@code x-caller-id} / {@code x-caller-roles} next to the token itself; a bad token, or no token
 * on a route that is not public, is answered 401 problem+json before anything is proxied.
 *
 * <p>Verified tokens are remembered until they expire, so a client's later requests cost a map
 * lookup; only a token seen for the first time is verified, off the event loop (a JWKS refresh is
 * blocking I/O).
 */
public final class EdgeAuthenticationFilter implements WebFilter {

  public static final String CALLER_ATTRIBUTE =
      EdgeAuthenticationFilter.class.getName() + ".caller";
  public static final String CALLER_ROLES = "x-caller-roles";
  private static final String BEARER = "Bearer ";
  private static final int MAX_REMEMBERED = 20_000;

  private final JwtVerifier verifier;
  private final PublicRoutes publicRoutes;
  private final Clock clock;
  private final Map<String, VerifiedCaller> verified = new ConcurrentHashMap<>();

  public EdgeAuthenticationFilter(JwtVerifier verifier, PublicRoutes publicRoutes, Clock clock) {
    this.verifier = verifier;
    this.publicRoutes = publicRoutes;
    this.clock = clock;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    String path = request.getPath().value();
    if (!path.startsWith("/api/") || request.getMethod() == HttpMethod.OPTIONS) {
      return chain.filter(exchange);
    }
    String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    if (authorization == null) {
      if (!publicRoutes.isPublic(request.getMethod().name(), path)) {
        return ProblemResponses.write(
            exchange,
            new PlatformError(
                ErrorKind.UNAUTHENTICATED,
                "AUTHENTICATION_REQUIRED",
                "Sign in to do this: the request needs a valid bearer token."));
      }
      return chain.filter(withoutIdentity(exchange));
    }
    if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return ProblemResponses.write(exchange, invalidToken());
    }
    String token = authorization.substring(BEARER.length()).strip();
    Optional<VerifiedCaller> known = remembered(token);
    Mono<VerifiedCaller> caller =
        known
            .map(Mono::just)
            .orElseGet(
                () ->
                    Mono.fromCallable(() -> remember(token, verifier.verify(token)))
                        .subscribeOn(Schedulers.boundedElastic()));
    return caller
        .flatMap(c -> chain.filter(withCaller(exchange, c)))
        .onErrorResume(
            PlatformError.class,
            e ->
                exchange.getResponse().isCommitted()
                    ? Mono.error(e)
                    : ProblemResponses.write(exchange, e));
  }

  private Optional<VerifiedCaller> remembered(String token) {
    VerifiedCaller caller = verified.get(token);
    if (caller != null && caller.expiresAt().isAfter(clock.instant())) {
      return Optional.of(caller);
    }
    return Optional.empty();
  }

  private VerifiedCaller remember(String token, VerifiedCaller caller) {
    if (verified.size() >= MAX_REMEMBERED) {
      Instant now = clock.instant();
      verified.values().removeIf(c -> !c.expiresAt().isAfter(now));
      if (verified.size() >= MAX_REMEMBERED) {
        verified.clear();
      }
    }
    verified.put(token, caller);
    return caller;
  }

  private static PlatformError invalidToken() {
    return new PlatformError(
        ErrorKind.UNAUTHENTICATED,
        "INVALID_TOKEN",
        "The access token is missing, invalid or expired.");
  }

  private static ServerWebExchange withoutIdentity(ServerWebExchange exchange) {
    return exchange
        .mutate()
        .request(
            r ->
                r.headers(
                    h -> {
                      h.remove(ContextPropagation.CALLER_ID);
                      h.remove(CALLER_ROLES);
                    }))
        .build();
  }

  private static ServerWebExchange withCaller(ServerWebExchange exchange, VerifiedCaller caller) {
    exchange.getAttributes().put(CALLER_ATTRIBUTE, caller);
    return exchange
        .mutate()
        .request(
            r ->
                r.headers(
                    h -> {
                      h.set(ContextPropagation.CALLER_ID, caller.userId());
                      h.set(CALLER_ROLES, String.join(",", caller.roles()));
                    }))
        .build();
  }
}
