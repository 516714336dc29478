package io.kinobezdna.gateway.adapter.in.web;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.kinobezdna.gateway.domain.ServiceEndpoint;
import io.kinobezdna.gateway.domain.TransferRoutes;
import io.kinobezdna.platform.context.ContextPropagation;
import io.kinobezdna.platform.errors.PlatformError;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.cors.CorsConfiguration;
import reactor.netty.NettyPipeline;

/**
 * Plain calls through the edge: a request that gets one answer ({@code /api/<service>/…}, not a
 * stream, WebSocket, transfer or gRPC-Web call), proxied by a Netty handler of each client
 * connection, right behind its HTTP codec (ADR 0009). Reactor Netty's request and client machinery
 * was most of the gateway's CPU per call; this path is the codec, a state machine per call and a
 * pool of keep-alive connections per event loop ({@link UpstreamPools}).
 *
 * <p>A call is admitted ({@link EdgeAdmission}: token, rate limit), may be sent to a split's target
 * ({@link MigrationRouter}), goes to the service with the verified caller's identity ({@link
 * EdgeHeaders}) and comes back with security and CORS headers. The service's circuit breaker counts
 * it; an upstream silent for longer than the upstream timeout fails it; a safe call without a body
 * is tried again on connection failures and 502/503/504; every failure before the answer has begun
 * is a 503 problem naming the service.
 *
 * <p>Everything else on the connection goes on to Reactor Netty (Spring, {@link EdgeProxy}); the
 * handler keeps the order of answers when a client pipelines: a request waits while the other side
 * still answers an earlier one. After a protocol switch (a WebSocket) everything passes.
 */
public final class EdgeCalls {

  static final String HANDLER_NAME = "kb.edgeCalls";
  private static final int GATHERED_BYTES = 64 * 1024;
  private static final int RETRIES = 2;
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
  private static final Duration MAX_BACKOFF = Duration.ofMillis(400);
  private static final Set<Integer> UPSTREAM_FAILURES = Set.of(500, 502, 503, 504);
  private static final Set<Integer> RETRIED_STATUSES = Set.of(502, 503, 504);
  private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD);
  private static final Logger log = LoggerFactory.getLogger(EdgeCalls.class);

  private final Map<String, URI> services;
  private final EdgeAdmission admission;
  private final TransferRoutes transfers;
  private final MigrationRouter migrations;
  private final CircuitBreakerRegistry breakers;
  private final UpstreamPools pools;
  private final long upstreamTimeoutNanos;
  private final EdgeHeaders headers;
  private final AnswerCompression compression;
  // the registry's own lookup, a computeIfAbsent per call, showed in profiles
  private final Map<String, CircuitBreaker> breakerByService = new ConcurrentHashMap<>();

  public EdgeCalls(
      List<ServiceEndpoint> services,
      EdgeAdmission admission,
      TransferRoutes transfers,
      MigrationRouter migrations,
      CircuitBreakerRegistry breakers,
      int maxConnectionsPerUpstream,
      Duration connectTimeout,
      Duration upstreamTimeout,
      CorsConfiguration cors,
      AnswerCompression compression) {
    this.services = EdgeRoute.byName(services);
    this.admission = admission;
    this.transfers = transfers;
    this.migrations = migrations;
    this.breakers = breakers;
    this.pools =
        new UpstreamPools(maxConnectionsPerUpstream, connectTimeout, Duration.ofSeconds(30));
    this.upstreamTimeoutNanos = upstreamTimeout.toNanos();
    this.headers = new EdgeHeaders(cors);
    this.compression = compression;
  }

  private CircuitBreaker breakerOf(String service) {
    CircuitBreaker breaker = breakerByService.get(service);
    return breaker != null
        ? breaker
        : breakerByService.computeIfAbsent(service, breakers::circuitBreaker);
  }

  /** Puts a handler behind the HTTP codec of a new client connection. */
  public void install(Channel channel) {
    ChannelPipeline pipeline = channel.pipeline();
    if (pipeline.get(NettyPipeline.HttpCodec) != null) {
      pipeline.addAfter(NettyPipeline.HttpCodec, HANDLER_NAME, new OnConnection());
    }
  }

  /** The route of a request this path answers, or null when it goes on to Reactor Netty. */
  EdgeRoute callRoute(HttpRequest request) {
    if (request.decoderResult().isFailure() || request.method() == HttpMethod.OPTIONS) {
      return null;
    }
    EdgeRoute route = EdgeRoute.of(request.uri(), services.keySet());
    HttpHeaders sent = request.headers();
    // another Upgrade (h2c, which Java's HttpClient offers on its first request) is ignored
    if (route == null
        || EdgeProxy.isStream(sent.get(HttpHeaderNames.UPGRADE), sent.get(HttpHeaderNames.ACCEPT))
        || transfers.isTransfer(request.method().name(), route.path())
        || EdgeHeaders.isGrpcWeb(sent)) {
      return null;
    }
    return route;
  }

  /** One client connection: its call in progress, and what waits behind it. */
  private final class OnConnection extends ChannelDuplexHandler {
    // messages that came while the connection was busy with an earlier request
    private final ArrayDeque<Object> waiting = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private Call call;
    // requests passed on to Reactor Netty and not fully answered yet
    private int owedByOthers;
    private boolean othersAnswering;
    private boolean switchedProtocols;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
      if (switchedProtocols) {
        ctx.fireChannelRead(message);
      } else if (call != null && call.takesBody(message)) {
        call.requestBody((HttpContent) message);
      } else if (call != null || !waiting.isEmpty() || !dispatched(message)) {
        waiting.add(message);
        ctx.channel().config().setAutoRead(false);
      }
    }

    /**
     * Starts a call, or passes the message on to Reactor Netty; false when it has to wait: a call
     * while the other side still owes an answer to an earlier request.
     */
    private boolean dispatched(Object message) {
      if (message instanceof HttpRequest request) {
        EdgeRoute route = callRoute(request);
        if (route != null) {
          if (owedByOthers > 0) {
            return false;
          }
          call = new Call(this, request, route);
          call.start();
          if (message instanceof HttpContent content) {
            call.requestBody(content);
          }
          return true;
        }
        owedByOthers++;
      }
      ctx.fireChannelRead(message);
      return true;
    }

    /** Hands on what waited, in order, until the connection is busy again. */
    void resume() {
      while (!waiting.isEmpty()) {
        Object next = waiting.peek();
        if (call != null) {
          if (!call.takesBody(next)) {
            return;
          }
          waiting.poll();
          call.requestBody((HttpContent) next);
        } else if (switchedProtocols) {
          ctx.fireChannelRead(waiting.poll());
        } else {
          waiting.poll();
          if (!dispatched(next)) {
            waiting.addFirst(next);
            return;
          }
        }
      }
      if (call == null || call.wantsRequestBytes()) {
        ctx.channel().config().setAutoRead(true);
      }
    }

    void finished(Call finished) {
      if (call != finished) {
        return;
      }
      call = null;
      if (waiting.isEmpty()) {
        ctx.channel().config().setAutoRead(true);
      } else {
        // not from inside the call's last step: the next request starts afresh
        ctx.executor().execute(this::resume);
      }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
      // answers written by Reactor Netty (this handler's own writes start in front of it)
      if (!switchedProtocols) {
        if (message instanceof HttpResponse response) {
          int status = response.status().code();
          switchedProtocols = status == HttpResponseStatus.SWITCHING_PROTOCOLS.code();
          othersAnswering = status >= 200;
        }
        if (message instanceof LastHttpContent && othersAnswering) {
          othersAnswering = false;
          if (--owedByOthers == 0 && !waiting.isEmpty()) {
            ctx.executor().execute(this::resume);
          }
        }
      }
      ctx.write(message, promise);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      if (call != null) {
        call.clientWritable(ctx.channel().isWritable());
      }
      ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (call != null) {
        call.clientGone();
        call = null;
      }
      waiting.forEach(ReferenceCountUtil::release);
      waiting.clear();
      ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      if (call == null) {
        ctx.fireExceptionCaught(cause);
      } else {
        log.debug("client connection failed during a call: {}", cause.toString());
        ctx.close();
      }
    }
  }

  /** One call, from its request to the end of its answer; all of it on the connection's loop. */
  private final class Call implements UpstreamPools.Borrower, UpstreamPools.Listener {
    private final OnConnection connection;
    private final ChannelHandlerContext ctx;
    private final HttpRequest request;
    private final EdgeRoute route;
    private final String clientAddress;
    private final boolean retriable;
    // the request's body as it came, until a connection is there to take it
    private final ArrayDeque<HttpContent> body = new ArrayDeque<>();
    private boolean keepAlive;
    private boolean requestRead;
    private EdgeAdmission.Admitted admitted;
    private CircuitBreaker breaker;
    private boolean permitted;
    private long startedAt;
    private int retries;
    private UpstreamPools.Pool pool;
    private UpstreamPools.Upstream upstream;
    private boolean requestSent;
    private boolean interimAnswer;
    private HttpResponse answer;
    private boolean gathered;
    private AnswerCompression.Gzip gzip;
    private boolean answered;
    private long lastHeard;
    private ScheduledFuture<?> silence;
    private boolean over;

    Call(OnConnection connection, HttpRequest request, EdgeRoute route) {
      this.connection = connection;
      this.ctx = connection.ctx;
      this.request = request;
      this.route = route;
      this.clientAddress =
          EdgeAdmission.clientAddress((InetSocketAddress) ctx.channel().remoteAddress());
      this.retriable =
          !EdgeHeaders.announcesBody(request.headers()) && SAFE_METHODS.contains(request.method());
      // HTTP/1.0 clients get their answer on a connection that closes after it
      this.keepAlive =
          request.protocolVersion() == HttpVersion.HTTP_1_1 && HttpUtil.isKeepAlive(request);
    }

    void start() {
      if (route.climbsOut()) {
        answerProblem(ProblemResponses.invalidPath(), Map.of());
        return;
      }
      admission
          .admit(
              new EdgeAdmission.Request(
                  request.method().name(),
                  route.path(),
                  route.rawQuery(),
                  request.headers().get(HttpHeaderNames.AUTHORIZATION),
                  false,
                  clientAddress))
          .subscribe(
              decision -> onLoop(() -> decided(decision)),
              failure -> onLoop(() -> notAdmitted(failure)));
    }

    private void onLoop(Runnable step) {
      if (ctx.executor().inEventLoop()) {
        step.run();
      } else {
        ctx.executor().execute(step);
      }
    }

    private void decided(EdgeAdmission.Decision decision) {
      if (over) {
        return;
      }
      switch (decision) {
        case EdgeAdmission.Refused refused -> answerProblem(refused.error(), Map.of());
        case EdgeAdmission.Admitted passed -> {
          admitted = passed;
          if (HttpUtil.is100ContinueExpected(request) && !requestRead) {
            ctx.writeAndFlush(
                new DefaultFullHttpResponse(
                    HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER));
          }
          String stickyKey =
              passed.caller() != null ? "user:" + passed.caller().userId() : "ip:" + clientAddress;
          URI base = migrations.upstream(route.service(), services.get(route.service()), stickyKey);
          pool = pools.on(ctx.channel().eventLoop(), ctx.channel().getClass(), base);
          breaker = breakerOf(route.service());
          if (!breaker.tryAcquirePermission()) {
            // open: refused at once, and not logged per call (state changes are)
            answerUnavailable();
            return;
          }
          permitted = true;
          startedAt = breaker.getCurrentTimestamp();
          pool.borrow(this);
        }
      }
    }

    @Override
    public void lent(UpstreamPools.Upstream connection) {
      if (over) {
        pool.giveBack(connection);
        return;
      }
      upstream = connection;
      upstream.listener = this;
      HttpRequest forwarded =
          new DefaultHttpRequest(
              HttpVersion.HTTP_1_1, request.method(), route.target(admitted.rawQuery()));
      HttpHeaders sent = forwarded.headers();
      EdgeHeaders.forward(request.headers(), sent, admitted, route.service(), clientAddress);
      sent.set(HttpHeaderNames.HOST, pool.host());
      if (HttpUtil.isTransferEncodingChunked(request)) {
        HttpUtil.setTransferEncodingChunked(forwarded, true);
      }
      Channel channel = upstream.channel;
      channel.write(forwarded);
      if (retries > 0) {
        // only calls without a body are tried again
        channel.write(LastHttpContent.EMPTY_LAST_CONTENT);
        requestSent = true;
      } else {
        HttpContent piece;
        while ((piece = body.poll()) != null) {
          sendBody(piece);
        }
      }
      channel.flush();
      lastHeard = System.nanoTime();
      silence =
          ctx.executor().schedule(this::checkSilence, upstreamTimeoutNanos, TimeUnit.NANOSECONDS);
      if (!requestRead) {
        ctx.channel().config().setAutoRead(channel.isWritable());
      }
    }

    @Override
    public void refused(Throwable cause) {
      failed(cause);
    }

    boolean takesBody(Object message) {
      return !requestRead && message instanceof HttpContent && !(message instanceof HttpRequest);
    }

    /** Whether the connection should read on for this call: the rest of its request body. */
    boolean wantsRequestBytes() {
      return !requestRead && (answered || (upstream != null && upstream.channel.isWritable()));
    }

    void requestBody(HttpContent piece) {
      requestRead = piece instanceof LastHttpContent;
      if (answered || over) {
        // the answer went out before the request was all read: the rest is dropped
        piece.release();
        if (requestRead && keepAlive && !over) {
          finish();
        }
      } else if (upstream == null) {
        body.add(piece);
        if (!requestRead) {
          // no more of it until there is somewhere to send it
          ctx.channel().config().setAutoRead(false);
        }
      } else {
        sendBody(piece);
        upstream.channel.flush();
        if (!requestRead && !upstream.channel.isWritable()) {
          ctx.channel().config().setAutoRead(false);
        }
      }
    }

    private void sendBody(HttpContent piece) {
      boolean last = piece instanceof LastHttpContent;
      upstream.channel.write(piece);
      if (last) {
        requestSent = true;
      }
    }

    @Override
    public void writable() {
      if (!requestRead && !answered) {
        ctx.channel().config().setAutoRead(upstream.channel.isWritable());
      }
    }

    void clientWritable(boolean writable) {
      if (answer != null && upstream != null) {
        upstream.channel.config().setAutoRead(writable);
      }
    }

    @Override
    public void read(Object message) {
      lastHeard = System.nanoTime();
      if (message instanceof HttpResponse response) {
        if (response.decoderResult().isFailure()) {
          ReferenceCountUtil.release(message);
          failed(new IOException("malformed answer", response.decoderResult().cause()));
          return;
        }
        int status = response.status().code();
        interimAnswer = status < 200;
        if (interimAnswer) {
          ReferenceCountUtil.release(message);
          return;
        }
        if (UPSTREAM_FAILURES.contains(status)) {
          ReferenceCountUtil.release(message);
          failed(new UpstreamFailure(status));
          return;
        }
        permitted = false;
        breaker.onSuccess(breaker.getCurrentTimestamp() - startedAt, breaker.getTimestampUnit());
        answerHead(response);
      }
      if (message instanceof HttpContent piece && !(message instanceof HttpResponse)) {
        answerBody(piece);
      } else if (message instanceof LastHttpContent whole) {
        // an answer in one message: its body goes on after the head
        answerBody(new DefaultLastHttpContent(whole.content().retain()));
        whole.release();
      }
    }

    private void answerHead(HttpResponse response) {
      answer = response;
      HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, response.status());
      HttpHeaders out = head.headers();
      EdgeHeaders.answer(response.headers(), out);
      headers.decorate(request.headers(), out);
      int status = response.status().code();
      boolean bodyFollows =
          request.method() != HttpMethod.HEAD
              && status != HttpResponseStatus.NO_CONTENT.code()
              && status != HttpResponseStatus.NOT_MODIFIED.code();
      gzip = bodyFollows ? compression.gzipFor(request.headers(), out) : null;
      // without a length the answer ends with the connection, unless it is chunked
      if (gzip != null) {
        AnswerCompression.Gzip.head(out, keepAlive);
      } else if (bodyFollows && keepAlive && !out.contains(HttpHeaderNames.CONTENT_LENGTH)) {
        HttpUtil.setTransferEncodingChunked(head, true);
      }
      closeIfLast(out);
      Integer length = response.headers().getInt(HttpHeaderNames.CONTENT_LENGTH);
      // a small answer of known length leaves in one write, headers and body together
      gathered = length != null && length <= GATHERED_BYTES;
      ctx.write(head);
    }

    private void answerBody(HttpContent piece) {
      if (interimAnswer) {
        interimAnswer = !(piece instanceof LastHttpContent);
        piece.release();
        return;
      }
      if (answer == null) {
        piece.release();
        return;
      }
      if (gzip != null) {
        piece = gzip.compress(piece);
      }
      if (!(piece instanceof LastHttpContent)) {
        if (gathered) {
          ctx.write(piece);
        } else {
          ctx.writeAndFlush(piece);
          if (!ctx.channel().isWritable()) {
            upstream.channel.config().setAutoRead(false);
          }
        }
        return;
      }
      ChannelFuture written = ctx.writeAndFlush(piece);
      stopListening();
      if (requestSent && HttpUtil.isKeepAlive(answer)) {
        pool.giveBack(upstream);
      } else {
        upstream.channel.close();
      }
      upstream = null;
      answered(written);
    }

    private void checkSilence() {
      if (over || upstream == null) {
        return;
      }
      if (!requestSent) {
        // the client is still sending: the service's silence counts from the request's end
        lastHeard = System.nanoTime();
      }
      long quiet = System.nanoTime() - lastHeard;
      if (quiet >= upstreamTimeoutNanos) {
        failed(
            new TimeoutException("no answer within " + upstreamTimeoutNanos / 1_000_000 + " ms"));
      } else {
        silence =
            ctx.executor()
                .schedule(this::checkSilence, upstreamTimeoutNanos - quiet, TimeUnit.NANOSECONDS);
      }
    }

    @Override
    public void failed(Throwable cause) {
      if (over) {
        return;
      }
      stopListening();
      if (upstream != null) {
        upstream.channel.close();
        upstream = null;
      }
      if (answer != null) {
        // the answer has begun: the client's connection is all that can tell it was cut off
        log.warn("upstream {} failed mid-answer: {}", route.service(), cause.toString());
        clientGone();
        ctx.close();
        return;
      }
      if (retriable && retries < RETRIES && retried(cause)) {
        long backoff = Math.min(FIRST_BACKOFF.toNanos() << retries, MAX_BACKOFF.toNanos());
        retries++;
        ctx.executor().schedule(() -> pool.borrow(this), backoff, TimeUnit.NANOSECONDS);
        return;
      }
      permitted = false;
      breaker.onError(breaker.getCurrentTimestamp() - startedAt, breaker.getTimestampUnit(), cause);
      log.warn("upstream {} failed: {}", route.service(), cause.toString());
      answerUnavailable();
    }

    private void notAdmitted(Throwable cause) {
      if (over) {
        return;
      }
      log.warn("the edge could not admit a call to {}: {}", route.service(), cause.toString());
      answerUnavailable();
    }

    private void answerUnavailable() {
      answerProblem(
          ProblemResponses.serviceUnavailable(route.service()),
          Map.of("service", route.service()),
          ProblemResponses.RETRY_UNAVAILABLE_AFTER_SECONDS);
    }

    private void answerProblem(PlatformError error, Map<String, Object> extra) {
      answerProblem(error, extra, error.retryAfterSeconds().map(String::valueOf).orElse(null));
    }

    private void answerProblem(PlatformError error, Map<String, Object> extra, String retryAfter) {
      byte[] json =
          ProblemResponses.body(
              error, request.headers().get(ContextPropagation.REQUEST_ID), route.path(), extra);
      FullHttpResponse problem =
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1,
              HttpResponseStatus.valueOf(error.kind().httpStatus().value()),
              Unpooled.wrappedBuffer(json));
      HttpHeaders out = problem.headers();
      out.set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
          .setInt(HttpHeaderNames.CONTENT_LENGTH, json.length);
      if (retryAfter != null) {
        out.set(HttpHeaderNames.RETRY_AFTER, retryAfter);
      }
      headers.decorate(request.headers(), out);
      if (!requestRead && HttpUtil.is100ContinueExpected(request) && admitted == null) {
        // the client may still be holding its body back: the connection cannot be reused
        keepAlive = false;
      }
      closeIfLast(out);
      body.forEach(HttpContent::release);
      body.clear();
      answered(ctx.writeAndFlush(problem));
    }

    private void closeIfLast(HttpHeaders out) {
      if (!keepAlive) {
        out.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      }
    }

    /** The answer is out: the call is over once the rest of its request is read. */
    private void answered(ChannelFuture written) {
      answered = true;
      if (!keepAlive) {
        written.addListener(ChannelFutureListener.CLOSE);
        over = true;
        return;
      }
      if (requestRead) {
        finish();
      } else {
        ctx.channel().config().setAutoRead(true);
      }
    }

    private void finish() {
      over = true;
      connection.finished(this);
    }

    private void stopListening() {
      if (silence != null) {
        silence.cancel(false);
        silence = null;
      }
      if (upstream != null) {
        upstream.listener = null;
      }
    }

    /** The client went away: whatever the call holds is let go. */
    void clientGone() {
      if (over) {
        return;
      }
      over = true;
      if (gzip != null) {
        gzip.close();
      }
      stopListening();
      if (upstream != null) {
        upstream.channel.close();
        upstream = null;
      }
      if (permitted) {
        permitted = false;
        breaker.releasePermission();
      }
      body.forEach(HttpContent::release);
      body.clear();
    }
  }

  /** An upstream answer that counts as a failure: its body is dropped, the caller gets a 503. */
  static final class UpstreamFailure extends IOException {
    final int status;

    UpstreamFailure(int status) {
      super("upstream answered " + status);
      this.status = status;
    }
  }

  /** Worth another try for a safe call: no connection, one closed before answering, 502/503/504. */
  static boolean retried(Throwable e) {
    return e instanceof UpstreamFailure failure
        ? RETRIED_STATUSES.contains(failure.status)
        : e instanceof ConnectException
            || e instanceof UpstreamPools.UpstreamClosed
            || e.getCause() instanceof ConnectException;
  }
}
