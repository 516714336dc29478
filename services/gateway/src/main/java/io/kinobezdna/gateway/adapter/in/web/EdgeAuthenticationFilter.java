package io.kinobezdna.gateway.adapter.in.web;

import io.kinobezdna.gateway.domain.PublicRoutes;
import io.kinobezdna.gateway.domain.TransferRoutes;
import io.kinobezdna.platform.auth.JwtVerifier;
import io.kinobezdna.platform.auth.VerifiedCaller;
import io.kinobezdna.platform.context.ContextPropagation;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Authentication at the edge, for every /api request: identity headers a client sent are dropped; a
 * bearer token is verified (signature via the JWKS, expiry, audience) and its caller forwarded as
 * {@code x-caller-id} / {@code x-caller-roles} next to the token itself; a bad token, or no token
 * on a route that is not public, is answered 401 problem+json before anything is proxied.
 *
 * <p>Browsers cannot put headers on a WebSocket, an EventSource, an image or a video, so a stream
 * (see {@link #isStream}) or a GET of a transfer route ({@link TransferRoutes}) may carry its token
 * as the {@code access_token} query parameter instead (RFC 6750 §2.3); it is moved into the
 * Authorization header on the way in, so services see one form.
 *
 * <p>The verifier remembers verified tokens until they expire, so a client's later requests cost a
 * map lookup on the event loop; only a token seen for the first time is verified, off the event
 * loop (a JWKS refresh is blocking I/O).
 */
public final class EdgeAuthenticationFilter implements WebFilter {

  public static final String CALLER_ATTRIBUTE =
      EdgeAuthenticationFilter.class.getName() + ".caller";
  public static final String CALLER_ROLES = "x-caller-roles";
  private static final String BEARER = "Bearer ";
  static final String TOKEN_PARAMETER = "access_token";

  private final JwtVerifier verifier;
  private final PublicRoutes publicRoutes;
  private final TransferRoutes transferRoutes;

  public EdgeAuthenticationFilter(
      JwtVerifier verifier, PublicRoutes publicRoutes, TransferRoutes transferRoutes) {
    this.verifier = verifier;
    this.publicRoutes = publicRoutes;
    this.transferRoutes = transferRoutes;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    String path = request.getPath().value();
    if (!path.startsWith("/api/") || request.getMethod() == HttpMethod.OPTIONS) {
      return chain.filter(exchange);
    }
    boolean mediaGet =
        request.getMethod() == HttpMethod.GET
            && transferRoutes.isTransfer(request.getMethod().name(), path);
    if ((isStream(request) || mediaGet) && request.getQueryParams().containsKey(TOKEN_PARAMETER)) {
      return filter(exchange.mutate().request(tokenFromQuery(request)).build(), chain);
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
    Mono<VerifiedCaller> caller =
        verifier
            .recall(token)
            .map(Mono::just)
            .orElseGet(
                () ->
                    Mono.fromCallable(() -> verifier.verify(token))
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

  /** A WebSocket upgrade or a request for server-sent events: a connection meant to stay open. */
  public static boolean isStream(ServerHttpRequest request) {
    HttpHeaders headers = request.getHeaders();
    String upgrade = headers.getFirst(HttpHeaders.UPGRADE);
    return (upgrade != null && upgrade.equalsIgnoreCase("websocket"))
        || headers.getAccept().stream()
            .anyMatch(type -> type.equalsTypeAndSubtype(MediaType.TEXT_EVENT_STREAM));
  }

  private static ServerHttpRequest tokenFromQuery(ServerHttpRequest request) {
    String token = request.getQueryParams().getFirst(TOKEN_PARAMETER);
    URI withoutToken =
        UriComponentsBuilder.fromUri(request.getURI())
            .replaceQueryParam(TOKEN_PARAMETER)
            .build(true)
            .toUri();
    return request
        .mutate()
        .uri(withoutToken)
        .headers(h -> h.set(HttpHeaders.AUTHORIZATION, BEARER + token))
        .build();
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
