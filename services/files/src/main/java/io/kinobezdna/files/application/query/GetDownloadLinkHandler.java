package io.kinobezdna.files.application.query;

import io.kinobezdna.files.application.port.ObjectStore;
import io.kinobezdna.files.application.query.GetContent.Variant;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Presigns a read of the bytes the caller would be served, named as the file. */
public final class GetDownloadLinkHandler {

  /** A presigned URL and when it stops working. */
  public record Link(URI url, Instant expiresAt) {}

  private final GetContentHandler getContent;
  private final ObjectStore objects;
  private final Clock clock;
  private final Duration linkValidFor;

  public GetDownloadLinkHandler(
      GetContentHandler getContent, ObjectStore objects, Clock clock, Duration linkValidFor) {
    this.getContent = getContent;
    this.objects = objects;
    this.clock = clock;
    this.linkValidFor = linkValidFor;
  }

  public Link handle(GetDownloadLink query) {
    Content content =
        getContent.handle(
            new GetContent(Optional.of(query.caller().userId()), query.fileId(), Variant.CONTENT));
    Instant expiresAt = clock.instant().plus(linkValidFor);
    URI url =
        objects.presignedRead(
            content.objectKey(), content.file().name(), content.mediaType(), linkValidFor);
    return new Link(url, expiresAt);
  }
}
