package io.kinobezdna.files.application.command;

import io.kinobezdna.files.application.Problems;
import io.kinobezdna.files.application.port.DirectUploads;
import io.kinobezdna.files.application.port.DirectUploads.DirectUpload;
import io.kinobezdna.files.application.port.FileRepository.Usage;
import io.kinobezdna.files.application.port.ObjectStore;
import io.kinobezdna.files.domain.ObjectKeys;
import io.kinobezdna.platform.id.UuidV7;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Uploads that bypass the service: the client gets a presigned PUT URL for exactly the size it
 * announced, sends the bytes to the object store (and may simply send them again if that fails,
 * until the URL expires), then completes the upload ({@link CompleteDirectUploadHandler}).
 */
public final class StartDirectUploadHandler {

  /** A presigned upload: where to PUT the bytes, until when, and how to complete it. */
  public record Ticket(UUID uploadId, URI url, Instant expiresAt) {}

  private final FileAdmission admission;
  private final DirectUploads uploads;
  private final ObjectStore objects;
  private final UuidV7 ids;
  private final Clock clock;
  private final Duration validFor;

  public StartDirectUploadHandler(
      FileAdmission admission,
      DirectUploads uploads,
      ObjectStore objects,
      UuidV7 ids,
      Clock clock,
      Duration validFor) {
    this.admission = admission;
    this.uploads = uploads;
    this.objects = objects;
    this.ids = ids;
    this.clock = clock;
    this.validFor = validFor;
  }

  public Ticket handle(StartDirectUpload command) {
    Usage usage = admission.usage(command.caller().userId());
    if (usage.usedBytes() + command.sizeBytes() > usage.quotaBytes()) {
      throw Problems.quotaExceeded(usage.usedBytes(), usage.quotaBytes());
    }
    UUID id = ids.next();
    Instant expiresAt = clock.instant().plus(validFor);
    uploads.save(
        new DirectUpload(
            id, command.caller().userId(), command.declaredName(), command.sizeBytes(), expiresAt));
    URI url = objects.presignedWrite(ObjectKeys.incoming(id), command.sizeBytes(), validFor);
    return new Ticket(id, url, expiresAt);
  }
}
