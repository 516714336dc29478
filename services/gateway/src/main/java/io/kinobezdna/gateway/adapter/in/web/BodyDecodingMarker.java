package io.kinobezdna.gateway.adapter.in.web;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.AttributeKey;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Remembers, per connection, that Netty's HTTP decoder failed on the body of the current request
 * (an invalid chunk size, a bad chunk delimiter, oversized trailers). Reactor Netty answers such a
 * request 400 itself but then completes its body as if it had ended normally, so a proxy that
 * streams the body on would pass the part before the damage to the service as a whole request.
 * {@link RequestBodyPolicy} reads the mark when the body ends and fails it instead.
 *
 * <p>It only reads the decoder's verdict, sitting right after Reactor Netty's own HTTP codec; it
 * parses nothing.
 */
@ChannelHandler.Sharable
public final class BodyDecodingMarker extends ChannelInboundHandlerAdapter {

  private static final AttributeKey<Boolean> BODY_BROKEN =
      AttributeKey.valueOf("kb.request-body-broken");
  private static final String NAME = "kb.bodyDecodingMarker";
  private static final BodyDecodingMarker INSTANCE = new BodyDecodingMarker();

  private BodyDecodingMarker() {}

  /** The server with the marker behind its HTTP/1.1 codec on every connection. */
  public static HttpServer install(HttpServer server) {
    return server.doOnChannelInit(
        (observer, channel, remoteAddress) -> {
          if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
            channel.pipeline().addAfter(NettyPipeline.HttpCodec, NAME, INSTANCE);
          }
        });
  }

  /** Whether the decoder failed on the body of the request now being read on {@code channel}. */
  static boolean bodyBroken(Channel channel) {
    return Boolean.TRUE.equals(channel.attr(BODY_BROKEN).get());
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    if (message instanceof HttpRequest) {
      ctx.channel().attr(BODY_BROKEN).set(false);
    }
    if (message instanceof HttpContent content && content.decoderResult().isFailure()) {
      ctx.channel().attr(BODY_BROKEN).set(true);
    }
    ctx.fireChannelRead(message);
  }
}
