package io.kinobezdna.files.adapter.in.web;

import io.kinobezdna.files.adapter.ContentDisposition;
import io.kinobezdna.files.application.query.Content;
import io.kinobezdna.files.application.query.GetContent;
import io.kinobezdna.files.application.query.GetContent.Variant;
import io.kinobezdna.files.application.query.GetContentHandler;
import io.kinobezdna.files.domain.ByteRange;
import io.kinobezdna.files.domain.FileKind;
import io.kinobezdna.files.domain.Visibility;
import io.kinobezdna.platform.auth.PublicEndpoint;
import io.kinobezdna.platform.auth.VerifiedCaller;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * File bytes over HTTP, streamed from the object store: single byte ranges (206, what video players
 * seek with), strong ETags with If-None-Match (304) and If-Range, the real content type with {@code
 * nosniff}, and a Content-Disposition naming the file. Public files are also served without a token
 * under {@code /public/}.
 */
@RestController
public class ContentController {

  /** Large copies: fewer trips through the S3 client's stream and the container's buffers. */
  private static final int COPY_BUFFER = 256 * 1024;

  private final GetContentHandler getContent;

  public ContentController(GetContentHandler getContent) {
    this.getContent = getContent;
  }

  @GetMapping("/files/{id}/content")
  void content(
      VerifiedCaller verified,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "false") boolean download,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    Optional<UUID> viewer = Optional.of(FilesController.caller(verified).userId());
    serve(
        getContent.handle(new GetContent(viewer, id, Variant.CONTENT)),
        download,
        request,
        response);
  }

  @GetMapping("/files/{id}/thumbnail")
  void thumbnail(
      VerifiedCaller verified,
      @PathVariable UUID id,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    Optional<UUID> viewer = Optional.of(FilesController.caller(verified).userId());
    serve(
        getContent.handle(new GetContent(viewer, id, Variant.THUMBNAIL)), false, request, response);
  }

  @PublicEndpoint
  @GetMapping("/public/files/{id}/content")
  void publicContent(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "false") boolean download,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    serve(
        getContent.handle(new GetContent(Optional.empty(), id, Variant.CONTENT)),
        download,
        request,
        response);
  }

  @PublicEndpoint
  @GetMapping("/public/files/{id}/thumbnail")
  void publicThumbnail(
      @PathVariable UUID id, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    serve(
        getContent.handle(new GetContent(Optional.empty(), id, Variant.THUMBNAIL)),
        false,
        request,
        response);
  }

  private void serve(
      Content served, boolean download, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String etag = '"' + served.etag() + '"';
    response.setHeader(HttpHeaders.ETAG, etag);
    response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
    response.setHeader(
        HttpHeaders.CACHE_CONTROL,
        served.file().visibility() == Visibility.PUBLIC
            ? "public, max-age=3600"
            : "private, no-cache");
    response.setHeader("X-Content-Type-Options", "nosniff");
    if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
    String rangeHeader =
        ifRange == null || ifRange.equals(etag) ? request.getHeader(HttpHeaders.RANGE) : null;
    ByteRange.Request asked = ByteRange.parse(rangeHeader, served.sizeBytes());
    if (asked instanceof ByteRange.Unsatisfiable) {
      response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + served.sizeBytes());
      throw new PlatformError(
          ErrorKind.RANGE_NOT_SATISFIABLE,
          "RANGE_NOT_SATISFIABLE",
          "The range starts past the end of the file (" + served.sizeBytes() + " bytes).");
    }
    Optional<ByteRange> range =
        asked instanceof ByteRange.Partial partial
            ? Optional.of(partial.range())
            : Optional.empty();
    response.setContentType(served.mediaType());
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.of(
            download || !inline(served) ? "attachment" : "inline", served.file().name()));
    if (range.isPresent()) {
      ByteRange r = range.get();
      response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
      response.setHeader(
          HttpHeaders.CONTENT_RANGE,
          "bytes " + r.first() + "-" + r.last() + "/" + served.sizeBytes());
      response.setContentLengthLong(r.length());
    } else {
      response.setContentLengthLong(served.sizeBytes());
    }
    if (request.getMethod().equals("HEAD")) {
      return;
    }
    response.setBufferSize(COPY_BUFFER);
    try (InputStream in = served.open(range)) {
      OutputStream out = response.getOutputStream();
      byte[] buffer = new byte[COPY_BUFFER];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
      }
    }
  }

  /** Media, images and PDFs open in the browser; archives and e-books download. */
  private static boolean inline(Content served) {
    FileKind kind = served.file().type().kind();
    return kind != FileKind.STILLS && !served.file().type().extension().equals("epub");
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    return ifNoneMatch != null
        && Arrays.stream(ifNoneMatch.split(","))
            .map(String::strip)
            .anyMatch(tag -> tag.equals(etag) || tag.equals("W/" + etag) || tag.equals("*"));
  }
}
