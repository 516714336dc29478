package io.kinobezdna.gateway.adapter.in.web;

import io.kinobezdna.gateway.adapter.out.RateLimiter;
import io.kinobezdna.gateway.domain.PublicRoutes;
import io.kinobezdna.gateway.domain.RateLimit;
import io.kinobezdna.gateway.domain.TransferRoutes;
import io.kinobezdna.platform.auth.JwtVerifier;
import io.kinobezdna.platform.auth.VerifiedCaller;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Who may pass the edge, decided once for every /api request by {@link EdgeAdmissionFilter},
 * whichever way it goes on (a gateway route, gRPC-Web, or the gateway's own endpoints):
 *
 * <ol>
 *   <li>A bearer token is verified (signature via the JWKS, expiry, audience); no token on a route
 *       that is not public, or a bad one, is refused 401.
 *   <li>Browsers cannot put headers on a WebSocket, an EventSource, an image or a video, so a
 *       stream or a GET of a transfer route ({@link TransferRoutes}) may carry its token as the
 *       {@code access_token} query parameter instead (RFC 6750 §2.3); it is taken out of the query
 *       and travels on as the Authorization header, so services see one form.
 *   <li>Then the rate limit: per user when signed in, per client address otherwise; over it, 429
 *       with Retry-After.
 * </ol>
 *
 * <p>The verifier remembers verified tokens until they expire, so a client's later requests cost a
 * map lookup on the event loop; only a token seen for the first time is verified, off the event
 * loop (a JWKS refresh is blocking I/O), and only once the client's address is within its own
 * limit: a flood of made-up tokens is limited per address before any of them costs a signature
 * check.
 */
public final class EdgeAdmission {

  static final String TOKEN_PARAMETER = "access_token";
  private static final String BEARER = "Bearer ";

  /** What the edge looks at. {@code rawQuery} is as sent (still percent-encoded), or null. */
  public record Request(
      String method,
      String path,
      String rawQuery,
      String authorization,
      boolean stream,
      String clientAddress) {}

  /** The outcome: the caller may pass (as {@link Admitted}), or the answer is this error. */
  public sealed interface Decision permits Admitted, Refused {}

  /**
   * Passed: {@code caller} and {@code authorization} are null for an anonymous call on a public
   * route; {@code rawQuery} is the query the service gets (without a token parameter).
   */
  public record Admitted(VerifiedCaller caller, String authorization, String rawQuery)
      implements Decision {}

  public record Refused(PlatformError error) implements Decision {}

  private final JwtVerifier verifier;
  private final PublicRoutes publicRoutes;
  private final TransferRoutes transferRoutes;
  private final RateLimiter limiter;
  private final RateLimit perUser;
  private final RateLimit perAddress;

  public EdgeAdmission(
      JwtVerifier verifier,
      PublicRoutes publicRoutes,
      TransferRoutes transferRoutes,
      RateLimiter limiter,
      RateLimit perUser,
      RateLimit perAddress) {
    this.verifier = verifier;
    this.publicRoutes = publicRoutes;
    this.transferRoutes = transferRoutes;
    this.limiter = limiter;
    this.perUser = perUser;
    this.perAddress = perAddress;
  }

  public Mono<Decision> admit(Request request) {
    String authorization = request.authorization();
    String query = request.rawQuery();
    if (mayCarryTokenInQuery(request)) {
      QueryToken fromQuery = QueryToken.split(query);
      if (fromQuery.token() != null) {
        authorization = BEARER + fromQuery.token();
        query = fromQuery.rest();
      }
    }
    if (authorization == null) {
      if (!publicRoutes.isPublic(request.method(), request.path())) {
        return refused(
            new PlatformError(
                ErrorKind.UNAUTHENTICATED,
                "AUTHENTICATION_REQUIRED",
                "Sign in to do this: the request needs a valid bearer token."));
      }
      return limited(new Admitted(null, null, query), request.clientAddress());
    }
    if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return refused(invalidToken());
    }
    String token = authorization.substring(BEARER.length()).strip();
    String forwarded = authorization;
    String rest = query;
    Optional<VerifiedCaller> recalled = verifier.recall(token);
    if (recalled.isPresent()) {
      return limited(new Admitted(recalled.get(), forwarded, rest), request.clientAddress());
    }
    return limiter
        .check("ip:" + request.clientAddress(), perAddress)
        .flatMap(
            wait ->
                wait.isPresent()
                    ? Mono.<Decision>just(rateLimited(wait.get()))
                    : Mono.fromCallable(() -> verifier.verify(token))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(
                            c ->
                                limited(new Admitted(c, forwarded, rest), request.clientAddress())))
        .onErrorResume(PlatformError.class, EdgeAdmission::refused);
  }

  private boolean mayCarryTokenInQuery(Request request) {
    return request.rawQuery() != null
        && (request.stream()
            || ("GET".equals(request.method())
                && transferRoutes.isTransfer(request.method(), request.path())));
  }

  private Mono<Decision> limited(Admitted admitted, String clientAddress) {
    boolean signedIn = admitted.caller() != null;
    String key = signedIn ? "user:" + admitted.caller().userId() : "ip:" + clientAddress;
    return limiter
        .check(key, signedIn ? perUser : perAddress)
        .map(wait -> wait.<Decision>map(EdgeAdmission::rateLimited).orElse(admitted));
  }

  private static Decision rateLimited(Duration wait) {
    return new Refused(
        PlatformError.tooManyAttempts(
            "RATE_LIMITED", "Too many requests. Please slow down and try again shortly.", wait));
  }

  private static Mono<Decision> refused(PlatformError error) {
    return Mono.just(new Refused(error));
  }

  private static PlatformError invalidToken() {
    return new PlatformError(
        ErrorKind.UNAUTHENTICATED,
        "INVALID_TOKEN",
        "The access token is missing, invalid or expired.");
  }

  /** A query split into its {@code access_token} (decoded, or null) and the other parameters. */
  record QueryToken(String token, String rest) {

    static QueryToken split(String rawQuery) {
      String token = null;
      List<String> rest = new ArrayList<>();
      for (String parameter : rawQuery.split("&")) {
        if (parameter.startsWith(TOKEN_PARAMETER + "=")) {
          token =
              URLDecoder.decode(
                  parameter.substring(TOKEN_PARAMETER.length() + 1), StandardCharsets.UTF_8);
        } else if (!parameter.isEmpty()) {
          rest.add(parameter);
        }
      }
      return new QueryToken(token, rest.isEmpty() ? null : String.join("&", rest));
    }
  }
}
