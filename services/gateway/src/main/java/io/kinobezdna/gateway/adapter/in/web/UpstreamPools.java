package io.kinobezdna.gateway.adapter.in.web;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * Keep-alive HTTP/1.1 connections to the services, one pool per event loop and upstream: a call is
 * sent on a connection of the loop its client came in on, so neither side of it ever changes
 * thread, and a pool needs no locks since only its own loop touches it (ADR 0008).
 */
final class UpstreamPools {

  /** Who asked for a connection: told on the pool's loop. */
  interface Borrower {
    void lent(Upstream connection);

    void refused(Throwable cause);
  }

  /** What a connection tells the call it is lent to. */
  interface Listener {
    void read(Object message);

    void failed(Throwable cause);

    void writable();
  }

  /** The connection closed before the answer was complete. */
  static final class UpstreamClosed extends IOException {
    UpstreamClosed() {
      super("the upstream closed the connection before answering");
    }
  }

  /** Every connection to the upstream is busy, and none came free in time. */
  static final class PoolExhausted extends IOException {
    PoolExhausted(int connections) {
      super("all " + connections + " connections to the upstream stayed busy");
    }
  }

  private final int maxConnections;
  private final Duration connectTimeout;
  private final Duration maxIdle;
  private final Map<EventLoop, Map<URI, Pool>> loops = new ConcurrentHashMap<>();

  UpstreamPools(int maxConnections, Duration connectTimeout, Duration maxIdle) {
    this.maxConnections = maxConnections;
    this.connectTimeout = connectTimeout;
    this.maxIdle = maxIdle;
  }

  /**
   * The pool of connections to {@code base} on {@code loop}, opened as {@code type} (the kind of
   * socket the loop serves). Called on {@code loop} only.
   */
  Pool on(EventLoop loop, Class<? extends Channel> type, URI base) {
    return loops
        .computeIfAbsent(loop, l -> new HashMap<>())
        .computeIfAbsent(base, b -> new Pool(loop, type, b));
  }

  private static SslContext clientTls() {
    try {
      return SslContextBuilder.forClient().build();
    } catch (SSLException e) {
      throw new IllegalStateException("no TLS client for an https upstream", e);
    }
  }

  /** The connections of one event loop to one upstream. */
  final class Pool {
    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final String host;
    private final ArrayDeque<Upstream> idle = new ArrayDeque<>();
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private int open;

    private Pool(EventLoop loop, Class<? extends Channel> type, URI base) {
      this.loop = loop;
      // the services speak plain HTTP inside the platform; a split's target may be elsewhere
      SslContext tls = "https".equalsIgnoreCase(base.getScheme()) ? clientTls() : null;
      boolean defaultPort = base.getPort() < 0;
      int port = defaultPort ? (tls != null ? 443 : 80) : base.getPort();
      this.host = defaultPort ? base.getHost() : base.getHost() + ":" + port;
      this.bootstrap =
          new Bootstrap()
              .group(loop)
              .channel(type)
              .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
              .option(ChannelOption.TCP_NODELAY, true)
              // resolved when a connection opens, so a service that moves is found again
              .remoteAddress(InetSocketAddress.createUnresolved(base.getHost(), port))
              .handler(
                  new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                      if (tls != null) {
                        channel
                            .pipeline()
                            .addLast(tls.newHandler(channel.alloc(), base.getHost(), port));
                      }
                      channel.pipeline().addLast(new HttpClientCodec(), new Upstream(channel));
                    }
                  });
    }

    /** The Host header a request to this upstream carries. */
    String host() {
      return host;
    }

    /**
     * Lends an idle connection, opens one if fewer than the maximum are open, or else waits for one
     * to come back, up to the connect timeout.
     */
    void borrow(Borrower borrower) {
      long now = System.nanoTime();
      Upstream upstream;
      while ((upstream = idle.pollLast()) != null) {
        // a connection idle too long may be closing at the service's end right now
        if (upstream.channel.isActive() && now - upstream.idleSince < maxIdle.toNanos()) {
          borrower.lent(upstream);
          return;
        }
        upstream.channel.close();
      }
      if (open < maxConnections) {
        connect(borrower);
        return;
      }
      Waiting wait = new Waiting(borrower);
      wait.timeout =
          loop.schedule(
              () -> {
                waiting.remove(wait);
                borrower.refused(new PoolExhausted(maxConnections));
              },
              connectTimeout.toNanos(),
              TimeUnit.NANOSECONDS);
      waiting.add(wait);
    }

    /** Takes a connection back after a complete exchange; it serves a waiting call first. */
    void giveBack(Upstream upstream) {
      upstream.listener = null;
      upstream.channel.config().setAutoRead(true);
      Borrower next = nextWaiting();
      if (next != null) {
        next.lent(upstream);
      } else {
        upstream.idleSince = System.nanoTime();
        idle.addLast(upstream);
      }
    }

    /** The call that has waited longest for a connection, no longer timed; null if none. */
    private Borrower nextWaiting() {
      Waiting next = waiting.poll();
      if (next == null) {
        return null;
      }
      next.timeout.cancel(false);
      return next.borrower;
    }

    private void connect(Borrower borrower) {
      open++;
      ChannelFuture connecting = bootstrap.connect();
      Channel channel = connecting.channel();
      channel
          .closeFuture()
          .addListener(
              closed -> {
                open--;
                idle.removeIf(upstream -> upstream.channel == channel);
                // room for another connection: a waiting call opens it
                Borrower next = nextWaiting();
                if (next != null) {
                  connect(next);
                }
              });
      connecting.addListener(
          connected -> {
            if (connected.isSuccess()) {
              borrower.lent(channel.pipeline().get(Upstream.class));
            } else {
              borrower.refused(connected.cause());
            }
          });
    }
  }

  private static final class Waiting {
    final Borrower borrower;
    ScheduledFuture<?> timeout;

    Waiting(Borrower borrower) {
      this.borrower = borrower;
    }
  }

  /**
   * One connection to an upstream, at the end of its pipeline: what arrives goes to the call it is
   * lent to.
   */
  static final class Upstream extends ChannelInboundHandlerAdapter {
    final Channel channel;
    Listener listener;
    long idleSince;

    private Upstream(Channel channel) {
      this.channel = channel;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
      if (listener != null) {
        listener.read(message);
      } else {
        ReferenceCountUtil.release(message);
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      Listener lentTo = listener;
      listener = null;
      if (lentTo != null) {
        lentTo.failed(new UpstreamClosed());
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      Listener lentTo = listener;
      listener = null;
      ctx.close();
      if (lentTo != null) {
        lentTo.failed(cause);
      }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      if (listener != null) {
        listener.writable();
      }
    }
  }
}
