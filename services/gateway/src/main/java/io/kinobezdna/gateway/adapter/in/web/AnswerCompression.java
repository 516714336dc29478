package io.kinobezdna.gateway.adapter.in.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.compression.ZlibCodecFactory;
import io.netty.handler.codec.compression.ZlibWrapper;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Gzip for the answers of calls ({@link EdgeCalls}), by the rules Spring applies to the gateway's
 * own answers ({@code server.compression}): on when enabled, for a client that accepts gzip, an
 * answer of one of the listed media types, not already encoded, and not known to be shorter than
 * the minimum size.
 */
public final class AnswerCompression {

  private final boolean enabled;
  private final Set<String> mediaTypes;
  private final long minBytes;

  public AnswerCompression(boolean enabled, List<String> mediaTypes, long minBytes) {
    this.enabled = enabled;
    this.mediaTypes =
        mediaTypes.stream()
            .map(t -> t.strip().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    this.minBytes = minBytes;
  }

  /** A gzip stream for this answer's body, or null when it goes out as it came. */
  Gzip gzipFor(HttpHeaders request, HttpHeaders answer) {
    if (!enabled || answer.contains(HttpHeaderNames.CONTENT_ENCODING)) {
      return null;
    }
    String accepted = request.get(HttpHeaderNames.ACCEPT_ENCODING);
    String type = answer.get(HttpHeaderNames.CONTENT_TYPE);
    Integer length = answer.getInt(HttpHeaderNames.CONTENT_LENGTH);
    if (accepted == null
        || !accepted.toLowerCase(Locale.ROOT).contains("gzip")
        || type == null
        || (length != null && length < minBytes)) {
      return null;
    }
    int parameters = type.indexOf(';');
    String mediaType = (parameters < 0 ? type : type.substring(0, parameters)).strip();
    return mediaTypes.contains(mediaType.toLowerCase(Locale.ROOT)) ? new Gzip() : null;
  }

  /**
   * One answer's body as gzip, piece by piece; chunked, since its length is known only at the end.
   */
  static final class Gzip {
    private final EmbeddedChannel deflater =
        new EmbeddedChannel(ZlibCodecFactory.newZlibEncoder(ZlibWrapper.GZIP));

    /** The answer's headers for a gzipped body. */
    static void head(HttpHeaders answer, boolean chunked) {
      answer
          .remove(HttpHeaderNames.CONTENT_LENGTH)
          .set(HttpHeaderNames.CONTENT_ENCODING, HttpHeaderValues.GZIP)
          .add(HttpHeaderNames.VARY, HttpHeaderNames.ACCEPT_ENCODING);
      if (chunked) {
        answer.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
      }
    }

    /** A piece of the body, compressed (the last one ends the gzip stream). */
    HttpContent compress(HttpContent piece) {
      deflater.writeOutbound(piece.content().retain());
      boolean last = piece instanceof LastHttpContent;
      piece.release();
      if (last) {
        deflater.finish();
      }
      ByteBuf compressed = drain();
      return last ? new DefaultLastHttpContent(compressed) : new DefaultHttpContent(compressed);
    }

    /** Lets go of the deflater when the answer was cut short. */
    void close() {
      deflater.finishAndReleaseAll();
    }

    private ByteBuf drain() {
      CompositeByteBuf out = deflater.alloc().compositeBuffer();
      for (ByteBuf part = deflater.readOutbound(); part != null; part = deflater.readOutbound()) {
        out.addComponent(true, part);
      }
      return out;
    }
  }
}
