package io.kinobezdna.gateway.adapter.in.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * A request's head (request line and headers) must arrive in full within a deadline of its first
 * byte, else 408 and the connection closes. Reactor Netty times a request only once its head is in,
 * and its idle timeout restarts with every byte, so a client dripping header bytes would hold a
 * connection forever.
 *
 * <p>Netty's decoder does all the parsing: one handler in front of it notes the first byte of a
 * head, one behind it notes the decoded request (or the end of its body, after which the next head
 * may begin). Both run on the connection's event loop.
 */
public final class RequestHeadDeadline {

  private static final String STARTS = "kb.headStarts";
  private static final String DECODED = "kb.headDecoded";

  private final long deadlineMillis;
  private boolean awaitingHead = true;
  private ScheduledFuture<?> timer;

  private RequestHeadDeadline(Duration deadline) {
    this.deadlineMillis = Math.max(1, deadline.toMillis());
  }

  /** The server with a deadline for every request head on every HTTP/1.1 connection. */
  public static HttpServer install(HttpServer server, Duration deadline) {
    return server.doOnChannelInit(
        (observer, channel, remoteAddress) -> {
          if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
            RequestHeadDeadline head = new RequestHeadDeadline(deadline);
            channel.pipeline().addBefore(NettyPipeline.HttpCodec, STARTS, head.starts());
            channel.pipeline().addAfter(NettyPipeline.HttpCodec, DECODED, head.decoded());
          }
        });
  }

  private ChannelInboundHandlerAdapter starts() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (ctx.pipeline().get(NettyPipeline.HttpCodec) == null) {
          leave(ctx);
        } else if (awaitingHead
            && timer == null
            && message instanceof ByteBuf bytes
            && bytes.isReadable()) {
          ChannelHandlerContext behindCodec = ctx.pipeline().context(DECODED);
          timer =
              ctx.executor()
                  .schedule(() -> timedOut(behindCodec), deadlineMillis, TimeUnit.MILLISECONDS);
        }
        ctx.fireChannelRead(message);
      }

      @Override
      public void channelInactive(ChannelHandlerContext ctx) {
        stop();
        ctx.fireChannelInactive();
      }
    };
  }

  private ChannelInboundHandlerAdapter decoded() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof HttpRequest) {
          stop();
          awaitingHead = false;
        }
        if (message instanceof LastHttpContent) {
          awaitingHead = true;
        }
        ctx.fireChannelRead(message);
      }
    };
  }

  /** No HTTP codec any more (an upgrade): no heads to time. */
  private void leave(ChannelHandlerContext ctx) {
    stop();
    ctx.pipeline().remove(STARTS);
    if (ctx.pipeline().get(DECODED) != null) {
      ctx.pipeline().remove(DECODED);
    }
  }

  private void stop() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  /** Answers through the codec (written from behind it), then closes. */
  private void timedOut(ChannelHandlerContext behindCodec) {
    timer = null;
    if (!awaitingHead
        || !behindCodec.channel().isActive()
        || behindCodec.pipeline().get(NettyPipeline.HttpCodec) == null) {
      return;
    }
    FullHttpResponse timeout =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_TIMEOUT, Unpooled.EMPTY_BUFFER);
    timeout
        .headers()
        .setInt(HttpHeaderNames.CONTENT_LENGTH, 0)
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    behindCodec.writeAndFlush(timeout).addListener(ChannelFutureListener.CLOSE);
  }
}
