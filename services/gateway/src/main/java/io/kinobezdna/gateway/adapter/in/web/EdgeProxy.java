package io.kinobezdna.gateway.adapter.in.web;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.kinobezdna.gateway.domain.ServiceEndpoint;
import io.kinobezdna.gateway.domain.TransferRoutes;
import io.kinobezdna.platform.context.ContextPropagation;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.AsciiString;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.web.cors.CorsConfiguration;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.Connection;
import reactor.netty.NettyOutbound;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.util.retry.Retry;

/**
 * The gateway's data path: {@code /api/<service>/rest} is proxied to {@code <service>/rest} right
 * on Reactor Netty's event loops, ahead of Spring WebFlux (a route of the gateway's Netty server,
 * see {@link NettyRouteProvider}), because a WebFlux filter chain per request cost more CPU than
 * the service calls it fronted (ADR 0005). The gateway's own endpoints, gRPC-Web and CORS
 * preflights go on to Spring.
 *
 * <p>On the way: {@link EdgeAdmission} (token, rate limit), identity headers a client sent are
 * replaced by the verified caller's ({@code x-caller-id} / {@code x-caller-roles}) next to the
 * token, {@link MigrationRouter} may send the caller to a split's target, and the answer gets
 * {@link SecurityHeaders} and CORS headers. Calls end quickly, so they have an upstream timeout,
 * safe methods are retried on connection failures and 502/503/504, and a circuit breaker per
 * service turns failures, timeouts and an open circuit into a 503 problem naming the service at
 * once. Streams (WebSocket, server-sent events) and transfers ({@link TransferRoutes}) are meant to
 * stay open or to take as long as their bytes take: no timeout, breaker or retries.
 */
public final class EdgeProxy implements NettyRouteProvider {

  public static final String CALLER_ROLES = "x-caller-roles";
  static final String GATEWAY_PREFIX = "X-Gateway-Prefix";
  static final String RETRY_AFTER_SECONDS = "5";
  private static final int GATHERED_BYTES = 64 * 1024;

  private static final Logger log = LoggerFactory.getLogger(EdgeProxy.class);
  private static final String API = "/api/";
  private static final Set<Integer> UPSTREAM_FAILURES = Set.of(500, 502, 503, 504);
  private static final Set<Integer> RETRIED_STATUSES = Set.of(502, 503, 504);
  private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD);
  // Hop-by-hop headers (RFC 9110 §7.6.1) describe one connection, not the message.
  private static final HttpHeaders HOP_BY_HOP =
      headerNames(
          "connection",
          "keep-alive",
          "proxy-connection",
          "proxy-authenticate",
          "proxy-authorization",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade");
  // Hop-by-hop, and those set by the gateway itself (or by the WebSocket client's own handshake),
  // never by a client; an Expect: 100-continue was the client's question to the gateway, already
  // answered.
  private static final HttpHeaders NOT_FORWARDED =
      headerNames(
              "host",
              "expect",
              "authorization",
              ContextPropagation.CALLER_ID,
              CALLER_ROLES,
              GATEWAY_PREFIX,
              "x-forwarded-for",
              "sec-websocket-key",
              "sec-websocket-version",
              "sec-websocket-extensions",
              "sec-websocket-protocol")
          .add(HOP_BY_HOP);
  // As ASCII strings, which Netty copies into a response in bulk rather than char by char: they
  // are most of a small answer's header bytes.
  private static final HttpHeaders SECURITY_HEADERS = new DefaultHttpHeaders();

  static {
    SecurityHeaders.ALL.forEach(
        (name, value) -> SECURITY_HEADERS.add(AsciiString.cached(name), AsciiString.cached(value)));
  }

  // Connection failures before an answer, and 502/503/504: worth another try for a safe call.
  private static final Retry RETRY_SAFE_CALLS =
      Retry.backoff(2, Duration.ofMillis(50))
          .maxBackoff(Duration.ofMillis(400))
          .jitter(0)
          .filter(EdgeProxy::retried)
          .onRetryExhaustedThrow((spec, signal) -> signal.failure());

  private final Map<String, URI> services;
  private final EdgeAdmission admission;
  private final TransferRoutes transfers;
  private final MigrationRouter migrations;
  private final CircuitBreakerRegistry breakers;
  private final Function<EventLoop, HttpClient> clientOn;
  private final Duration upstreamTimeout;
  private final Map<EventLoop, OnLoop> loops = new ConcurrentHashMap<>();
  private final CorsConfiguration cors;
  private final String exposedHeaders;

  /**
   * {@code clientOn} makes the upstream client of one event loop: on a connection pool of its own,
   * running on that loop, and with no response timeout of its own (calls get {@code
   * upstreamTimeout}, the longest silence while an answer is awaited or read; streams and transfers
   * none). A request then goes upstream on a connection of the loop it came in on, so the answer
   * needs no hand-over to another thread (with one pool for all loops, most requests woke a second
   * loop; ADR 0008).
   */
  public EdgeProxy(
      List<ServiceEndpoint> services,
      EdgeAdmission admission,
      TransferRoutes transfers,
      MigrationRouter migrations,
      CircuitBreakerRegistry breakers,
      Function<EventLoop, HttpClient> clientOn,
      Duration upstreamTimeout,
      CorsConfiguration cors) {
    this.services =
        services.stream()
            .collect(Collectors.toUnmodifiableMap(ServiceEndpoint::name, ServiceEndpoint::baseUrl));
    this.admission = admission;
    this.transfers = transfers;
    this.migrations = migrations;
    this.breakers = breakers;
    this.clientOn = clientOn;
    this.upstreamTimeout = upstreamTimeout;
    this.cors = cors;
    this.exposedHeaders =
        cors.getExposedHeaders() == null ? "" : String.join(",", cors.getExposedHeaders());
  }

  @Override
  public HttpServerRoutes apply(HttpServerRoutes routes) {
    return routes.route(this::proxies, this::proxy);
  }

  /** A WebSocket upgrade or a request for server-sent events: a connection meant to stay open. */
  public static boolean isStream(String upgrade, String accept) {
    return (upgrade != null && upgrade.equalsIgnoreCase("websocket"))
        || (accept != null && accept.contains("text/event-stream"));
  }

  /** An /api request for a known service, other than a CORS preflight or a gRPC-Web call. */
  boolean proxies(HttpServerRequest request) {
    if (request.method() == HttpMethod.OPTIONS || serviceOf(pathOf(request.uri())) == null) {
      return false;
    }
    String contentType = request.requestHeaders().get(HttpHeaderNames.CONTENT_TYPE);
    return contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("application/grpc-web");
  }

  private Mono<Void> proxy(HttpServerRequest request, HttpServerResponse response) {
    String uri = request.uri();
    String path = pathOf(uri);
    String query = uri.length() > path.length() ? uri.substring(path.length() + 1) : null;
    String service = serviceOf(path);
    String rest = path.substring(API.length() + service.length());
    if (hasDotSegment(rest)) {
      return problem(
          request,
          response,
          new PlatformError(
              ErrorKind.INVALID_ARGUMENT,
              "INVALID_PATH",
              "The path may not contain . or .. segments."),
          Map.of());
    }
    String upgrade = request.requestHeaders().get(HttpHeaderNames.UPGRADE);
    boolean stream = isStream(upgrade, request.requestHeaders().get(HttpHeaderNames.ACCEPT));
    String method = request.method().name();
    String client = EdgeAdmission.clientAddress(request.remoteAddress());
    return admission
        .admit(
            new EdgeAdmission.Request(
                method,
                path,
                query,
                request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION),
                stream,
                client))
        .flatMap(
            decision ->
                switch (decision) {
                  case EdgeAdmission.Refused refused ->
                      problem(request, response, refused.error(), Map.of());
                  case EdgeAdmission.Admitted admitted -> {
                    Call call = new Call(request, client, service, rest, admitted);
                    if (upgrade != null && upgrade.equalsIgnoreCase("websocket")) {
                      yield websocket(call, response);
                    }
                    yield stream || transfers.isTransfer(method, path)
                        ? open(call, response)
                        : call(call, response);
                  }
                });
  }

  /** One admitted request on its way to {@code service}. */
  private final class Call {
    final HttpServerRequest request;
    final String service;
    final Upstream upstream;
    final String target;
    final Consumer<HttpHeaders> headers;

    Call(
        HttpServerRequest request,
        String client,
        String service,
        String rest,
        EdgeAdmission.Admitted admitted) {
      this.request = request;
      this.service = service;
      String stickyKey =
          admitted.caller() != null ? "user:" + admitted.caller().userId() : "ip:" + client;
      this.upstream =
          upstream(
              eventLoopOf(request), migrations.upstream(service, services.get(service), stickyKey));
      this.target =
          (rest.isEmpty() ? "/" : rest)
              + (admitted.rawQuery() == null ? "" : "?" + admitted.rawQuery());
      this.headers =
          h -> {
            copy(request.requestHeaders(), h, NOT_FORWARDED);
            if (admitted.caller() != null) {
              h.set(HttpHeaderNames.AUTHORIZATION, admitted.authorization());
              h.set(ContextPropagation.CALLER_ID, admitted.caller().userId());
              h.set(CALLER_ROLES, String.join(",", admitted.caller().roles()));
            }
            // where the service is seen from outside (its OpenAPI document names it as the
            // server for swagger-ui's "try it out")
            h.set(GATEWAY_PREFIX, "/api/" + service);
            // the address the gateway saw goes last: what a client wrote itself comes before it
            String forwarded = request.requestHeaders().get("X-Forwarded-For");
            h.set("X-Forwarded-For", forwarded == null ? client : forwarded + ", " + client);
          };
    }

    boolean hasBody() {
      HttpHeaders sent = request.requestHeaders();
      String length = sent.get(HttpHeaderNames.CONTENT_LENGTH);
      return (length != null && !length.equals("0"))
          || sent.contains(HttpHeaderNames.TRANSFER_ENCODING);
    }

    Mono<Answer> send(HttpClient client) {
      HttpClient.RequestSender sender =
          client.headers(headers).request(request.method()).uri(target);
      HttpClient.ResponseReceiver<?> receiver =
          hasBody() ? sender.send((outgoing, out) -> out.send(request.receive().retain())) : sender;
      return receiver
          .responseConnection((answer, connection) -> Mono.just(new Answer(answer, connection)))
          .next();
    }
  }

  /**
   * The clients for one upstream base URL. Requests name only their path: Reactor Netty would parse
   * an absolute URL with a regular expression on every request, which cost more than the rest of
   * the routing.
   */
  private record Upstream(HttpClient calls, HttpClient streams) {}

  /** One event loop's upstream client (and connection pool), and its clients per base URL. */
  private record OnLoop(HttpClient client, Map<URI, Upstream> upstreams) {}

  private Upstream upstream(EventLoop loop, URI base) {
    OnLoop on =
        loops.computeIfAbsent(loop, l -> new OnLoop(clientOn.apply(l), new ConcurrentHashMap<>()));
    return on.upstreams().computeIfAbsent(base, b -> upstreamAt(on.client(), b));
  }

  private Upstream upstreamAt(HttpClient onLoop, URI base) {
    boolean secure = "https".equals(base.getScheme());
    int port = base.getPort() >= 0 ? base.getPort() : secure ? 443 : 80;
    // unresolved, as for an absolute URL: a new connection resolves the name when it opens
    InetSocketAddress address = InetSocketAddress.createUnresolved(base.getHost(), port);
    HttpClient client = onLoop.remoteAddress(() -> address);
    if (secure) {
      client = client.secure();
    }
    return new Upstream(client.responseTimeout(upstreamTimeout), client);
  }

  private static EventLoop eventLoopOf(HttpServerRequest request) {
    EventLoop[] loop = new EventLoop[1];
    request.withConnection(connection -> loop[0] = connection.channel().eventLoop());
    return loop[0];
  }

  /** Closes the upstream connection pools of every event loop. */
  public void close() {
    loops.values().forEach(on -> on.client().configuration().connectionProvider().dispose());
  }

  private record Answer(HttpClientResponse response, Connection connection) {}

  /** An upstream answer that counts as a failure: its body is dropped, the caller gets a 503. */
  static final class UpstreamFailure extends IOException {
    final int status;

    UpstreamFailure(int status) {
      super("upstream answered " + status);
      this.status = status;
    }
  }

  private Mono<Void> call(Call call, HttpServerResponse response) {
    Mono<Answer> answer =
        Mono.defer(() -> call.send(call.upstream.calls()))
            .flatMap(
                upstream -> {
                  int status = upstream.response().status().code();
                  if (UPSTREAM_FAILURES.contains(status)) {
                    upstream.connection().dispose();
                    return Mono.error(new UpstreamFailure(status));
                  }
                  return Mono.just(upstream);
                });
    if (SAFE_METHODS.contains(call.request.method())) {
      answer = answer.retryWhen(RETRY_SAFE_CALLS);
    }
    return answer
        .transformDeferred(CircuitBreakerOperator.of(breakers.circuitBreaker(call.service)))
        .flatMap(upstream -> relay(call.request, response, upstream, false))
        .onErrorResume(e -> !response.hasSentHeaders(), e -> unavailable(call, response, e));
  }

  private static boolean retried(Throwable e) {
    return e instanceof UpstreamFailure failure
        ? RETRIED_STATUSES.contains(failure.status)
        : e instanceof ConnectException
            || e instanceof PrematureCloseException
            || e.getCause() instanceof ConnectException;
  }

  /** A server-sent event stream or a transfer: no timeout, breaker or retry. */
  private Mono<Void> open(Call call, HttpServerResponse response) {
    return call.send(call.upstream.streams())
        .flatMap(upstream -> relay(call.request, response, upstream, true))
        .onErrorResume(e -> !response.hasSentHeaders(), e -> unavailable(call, response, e));
  }

  private Mono<Void> relay(
      HttpServerRequest request, HttpServerResponse response, Answer upstream, boolean stream) {
    response.status(upstream.response().status());
    copy(upstream.response().responseHeaders(), response.responseHeaders(), HOP_BY_HOP);
    decorate(request, response);
    ByteBufFlux body = upstream.connection().inbound().receive();
    NettyOutbound sent;
    if (stream) {
      // a stream's events go out as they come
      sent = response.send(body.retain(), buffer -> true);
    } else if (isSmall(upstream.response().responseHeaders())) {
      // gathered, so the headers and the body leave in one write
      sent = response.send(body.aggregate().retain());
    } else {
      sent = response.send(body.retain());
    }
    return sent.then().doOnCancel(() -> upstream.connection().dispose());
  }

  /** An answer of a known length, at most {@value #GATHERED_BYTES} bytes. */
  private static boolean isSmall(HttpHeaders answer) {
    // null when absent or not a number (Netty's decoder has already refused a malformed one)
    Integer bytes = answer.getInt(HttpHeaderNames.CONTENT_LENGTH);
    return bytes != null && bytes > 0 && bytes <= GATHERED_BYTES;
  }

  /**
   * The client's WebSocket is accepted, then one to the service opened with the caller's headers;
   * frames pass both ways as they are, and a close on either side closes the other.
   */
  private Mono<Void> websocket(Call call, HttpServerResponse response) {
    String protocols = call.request.requestHeaders().get(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL);
    WebsocketClientSpec.Builder upstreamSpec = WebsocketClientSpec.builder();
    WebsocketServerSpec.Builder clientSpec = WebsocketServerSpec.builder();
    if (protocols != null) {
      upstreamSpec.protocols(protocols);
      clientSpec.protocols(protocols);
    }
    decorate(call.request, response);
    return response.sendWebsocket(
        (in, out) ->
            call.upstream
                .streams()
                .headers(call.headers)
                .websocket(upstreamSpec.build())
                .uri(call.target)
                .handle(
                    (upstreamIn, upstreamOut) ->
                        Mono.when(
                            upstreamOut
                                .sendObject(in.receiveFrames().map(WebSocketFrame::retain))
                                .then()
                                .then(Mono.defer(upstreamOut::sendClose)),
                            out.sendObject(upstreamIn.receiveFrames().map(WebSocketFrame::retain))
                                .then()
                                .then(Mono.defer(out::sendClose))))
                .then()
                .onErrorResume(
                    e -> {
                      log.warn("WebSocket to {} failed: {}", call.service, e.toString());
                      return out.sendClose(
                          1011, "The " + call.service + " service is unavailable.");
                    }),
        clientSpec.build());
  }

  private Mono<Void> unavailable(Call call, HttpServerResponse response, Throwable cause) {
    // Why the call failed, for whoever runs the platform; an open breaker refuses every call
    // until it half-opens, and is logged when it changes state, not per refusal.
    if (!(cause instanceof CallNotPermittedException)) {
      log.warn("upstream {} failed: {}", call.service, cause.toString());
    }
    response.header(HttpHeaderNames.RETRY_AFTER, RETRY_AFTER_SECONDS);
    return problem(
        call.request,
        response,
        new PlatformError(
            ErrorKind.UNAVAILABLE,
            "SERVICE_UNAVAILABLE",
            "The " + call.service + " service is unavailable right now. Please try again shortly."),
        Map.of("service", call.service));
  }

  private Mono<Void> problem(
      HttpServerRequest request,
      HttpServerResponse response,
      PlatformError error,
      Map<String, Object> extra) {
    byte[] body =
        ProblemResponses.body(
            error,
            request.requestHeaders().get(ContextPropagation.REQUEST_ID),
            pathOf(request.uri()),
            extra);
    response
        .status(error.kind().httpStatus().value())
        .header(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
        .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
    error
        .retryAfterSeconds()
        .ifPresent(s -> response.header(HttpHeaderNames.RETRY_AFTER, Long.toString(s)));
    decorate(request, response);
    return response.sendByteArray(Mono.just(body)).then();
  }

  /** Security headers, and CORS headers for the apps' dev origins (preflights go to Spring). */
  private void decorate(HttpServerRequest request, HttpServerResponse response) {
    response.responseHeaders().setAll(SECURITY_HEADERS);
    String origin = request.requestHeaders().get(HttpHeaderNames.ORIGIN);
    if (origin != null && cors.checkOrigin(origin) != null) {
      response
          .header(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
          .header(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true")
          .header(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, exposedHeaders)
          .addHeader(HttpHeaderNames.VARY, HttpHeaderNames.ORIGIN);
    }
  }

  /** The service an /api path names, if the gateway knows it; null otherwise. */
  private String serviceOf(String path) {
    if (!path.startsWith(API)) {
      return null;
    }
    int end = path.indexOf('/', API.length());
    String name = path.substring(API.length(), end < 0 ? path.length() : end);
    return services.containsKey(name) ? name : null;
  }

  private static String pathOf(String uri) {
    int query = uri.indexOf('?');
    return query < 0 ? uri : uri.substring(0, query);
  }

  /**
   * A set of header names, matched regardless of case: a header set, since a request's headers are
   * sifted through it in one pass rather than copied and then removed name by name.
   */
  private static HttpHeaders headerNames(String... names) {
    HttpHeaders set = new DefaultHttpHeaders();
    for (String name : names) {
      set.add(name, "");
    }
    return set;
  }

  /** Replaces {@code to}'s headers with {@code from}'s, except those named in {@code left}. */
  private static void copy(HttpHeaders from, HttpHeaders to, HttpHeaders left) {
    to.clear();
    for (Iterator<Map.Entry<CharSequence, CharSequence>> headers = from.iteratorCharSequence();
        headers.hasNext(); ) {
      Map.Entry<CharSequence, CharSequence> header = headers.next();
      if (!left.contains(header.getKey())) {
        to.add(header.getKey(), header.getValue());
      }
    }
  }

  private static boolean hasDotSegment(String path) {
    if (path.indexOf("/.") < 0 && path.indexOf('%') < 0) {
      return false;
    }
    for (String segment : path.split("/")) {
      String decoded = segment.replace("%2e", ".").replace("%2E", ".");
      if (decoded.equals(".") || decoded.equals("..")) {
        return true;
      }
    }
    return false;
  }
}
