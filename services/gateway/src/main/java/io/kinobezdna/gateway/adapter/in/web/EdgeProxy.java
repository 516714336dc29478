package io.kinobezdna.gateway.adapter.in.web;

import io.kinobezdna.gateway.domain.ServiceEndpoint;
import io.kinobezdna.gateway.domain.TransferRoutes;
import io.kinobezdna.platform.context.ContextPropagation;
import io.kinobezdna.platform.errors.PlatformError;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.web.cors.CorsConfiguration;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * Streams through the edge: a WebSocket, server-sent events, or a transfer ({@link TransferRoutes})
 * on {@code /api/<service>/rest}, proxied to {@code <service>/rest} as a route of the gateway's
 * Reactor Netty server, ahead of Spring WebFlux (see {@link NettyRouteProvider}). Plain calls never
 * get here: {@link EdgeCalls} answers them earlier in each connection's pipeline (ADR 0009). The
 * gateway's own endpoints, gRPC-Web and CORS preflights go on to Spring.
 *
 * <p>On the way: {@link EdgeAdmission} (token, rate limit; a stream may carry its token in the
 * query), the verified caller's identity in place of any a client claimed, {@link MigrationRouter}
 * splits, and {@link EdgeHeaders} on the answer. Streams are meant to stay open, or to take as long
 * as their bytes take: no timeout, circuit breaker or retries; a service that cannot be reached is
 * a 503 problem naming it.
 */
public final class EdgeProxy implements NettyRouteProvider {

  private static final Logger log = LoggerFactory.getLogger(EdgeProxy.class);

  private final Map<String, URI> services;
  private final EdgeAdmission admission;
  private final MigrationRouter migrations;
  private final HttpClient client;
  private final EdgeHeaders headers;

  /** {@code client} reaches the services, with no response timeout: streams have none. */
  public EdgeProxy(
      List<ServiceEndpoint> services,
      EdgeAdmission admission,
      MigrationRouter migrations,
      HttpClient client,
      CorsConfiguration cors) {
    this.services = EdgeRoute.byName(services);
    this.admission = admission;
    this.migrations = migrations;
    this.client = client;
    this.headers = new EdgeHeaders(cors);
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
    return request.method() != HttpMethod.OPTIONS
        && EdgeRoute.of(request.uri(), services.keySet()) != null
        && !EdgeHeaders.isGrpcWeb(request.requestHeaders());
  }

  private Mono<Void> proxy(HttpServerRequest request, HttpServerResponse response) {
    EdgeRoute route = EdgeRoute.of(request.uri(), services.keySet());
    if (route.climbsOut()) {
      return problem(request, response, ProblemResponses.invalidPath(), Map.of());
    }
    String upgrade = request.requestHeaders().get(HttpHeaderNames.UPGRADE);
    boolean stream = isStream(upgrade, request.requestHeaders().get(HttpHeaderNames.ACCEPT));
    String client = EdgeAdmission.clientAddress(request.remoteAddress());
    return admission
        .admit(
            new EdgeAdmission.Request(
                request.method().name(),
                route.path(),
                route.rawQuery(),
                request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION),
                stream,
                client))
        .flatMap(
            decision ->
                switch (decision) {
                  case EdgeAdmission.Refused refused ->
                      problem(request, response, refused.error(), Map.of());
                  case EdgeAdmission.Admitted admitted -> {
                    Stream call = new Stream(request, client, route, admitted);
                    yield upgrade != null && upgrade.equalsIgnoreCase("websocket")
                        ? websocket(call, response)
                        : open(call, response);
                  }
                });
  }

  /** One admitted request on its way to its service. */
  private final class Stream {
    final HttpServerRequest request;
    final String service;
    final String target;
    final Consumer<HttpHeaders> headers;

    Stream(
        HttpServerRequest request,
        String client,
        EdgeRoute route,
        EdgeAdmission.Admitted admitted) {
      this.request = request;
      this.service = route.service();
      String stickyKey =
          admitted.caller() != null ? "user:" + admitted.caller().userId() : "ip:" + client;
      URI base = migrations.upstream(service, services.get(service), stickyKey);
      this.target = base + route.target(admitted.rawQuery());
      this.headers =
          h -> EdgeHeaders.forward(request.requestHeaders(), h, admitted, service, client);
    }
  }

  /** Server-sent events or a transfer: its bytes pass as they come. */
  private Mono<Void> open(Stream call, HttpServerResponse response) {
    HttpClient.RequestSender sender =
        client.headers(call.headers).request(call.request.method()).uri(call.target);
    HttpClient.ResponseReceiver<?> receiver =
        EdgeHeaders.announcesBody(call.request.requestHeaders())
            ? sender.send((outgoing, out) -> out.send(call.request.receive().retain()))
            : sender;
    return receiver
        .responseConnection(
            (answer, connection) -> relay(call.request, response, answer, connection))
        .then()
        .onErrorResume(e -> !response.hasSentHeaders(), e -> unavailable(call, response, e));
  }

  private Mono<Void> relay(
      HttpServerRequest request,
      HttpServerResponse response,
      HttpClientResponse answer,
      Connection connection) {
    response.status(answer.status());
    EdgeHeaders.answer(answer.responseHeaders(), response.responseHeaders());
    headers.decorate(request.requestHeaders(), response.responseHeaders());
    // events go out as they come
    return response
        .send(connection.inbound().receive().retain(), buffer -> true)
        .then()
        .doOnCancel(connection::dispose);
  }

  /**
   * The client's WebSocket is accepted, then one to the service opened with the caller's headers;
   * frames pass both ways as they are, and a close on either side closes the other.
   */
  private Mono<Void> websocket(Stream call, HttpServerResponse response) {
    String protocols = call.request.requestHeaders().get(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL);
    WebsocketClientSpec.Builder upstreamSpec = WebsocketClientSpec.builder();
    WebsocketServerSpec.Builder clientSpec = WebsocketServerSpec.builder();
    if (protocols != null) {
      upstreamSpec.protocols(protocols);
      clientSpec.protocols(protocols);
    }
    headers.decorate(call.request.requestHeaders(), response.responseHeaders());
    return response.sendWebsocket(
        (in, out) ->
            client
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

  private Mono<Void> unavailable(Stream call, HttpServerResponse response, Throwable cause) {
    log.warn("upstream {} failed: {}", call.service, cause.toString());
    response.header(HttpHeaderNames.RETRY_AFTER, ProblemResponses.RETRY_UNAVAILABLE_AFTER_SECONDS);
    return problem(
        call.request,
        response,
        ProblemResponses.serviceUnavailable(call.service),
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
            EdgeRoute.pathOf(request.uri()),
            extra);
    response
        .status(error.kind().httpStatus().value())
        .header(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
        .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
    error
        .retryAfterSeconds()
        .ifPresent(s -> response.header(HttpHeaderNames.RETRY_AFTER, Long.toString(s)));
    headers.decorate(request.requestHeaders(), response.responseHeaders());
    return response.sendByteArray(Mono.just(body)).then();
  }
}
