package io.kinobezdna.files.application.command;

import io.kinobezdna.files.application.Problems;
import io.kinobezdna.files.application.command.FileAdmission.Admitted;
import io.kinobezdna.files.application.command.UploadFile.Length;
import io.kinobezdna.files.application.port.FileRepository.Usage;
import io.kinobezdna.files.application.port.ObjectStore;
import io.kinobezdna.files.domain.ObjectKeys;
import io.kinobezdna.files.domain.StoredFile;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.id.UuidV7;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.UUID;

/**
 * Streams an upload into the object store: the first bytes decide the type (and whether we take it
 * at all) before anything is stored, the rest flows through a counting, hashing stream that stops
 * the upload the moment it passes the type's limit or the owner's free space.
 */
public final class UploadFileHandler {

  private final FileAdmission admission;
  private final ObjectStore objects;
  private final UuidV7 ids;
  private final Clock clock;

  public UploadFileHandler(FileAdmission admission, ObjectStore objects, UuidV7 ids, Clock clock) {
    this.admission = admission;
    this.objects = objects;
    this.ids = ids;
    this.clock = clock;
  }

  public StoredFile handle(UploadFile command) {
    UUID owner = command.caller().userId();
    byte[] head = readHead(command);
    Admitted admitted = admission.admitHead(head, command.declaredName());
    Usage usage = admission.usage(owner);
    switch (command.length()) {
      case Length.Exact(long bytes) -> admission.requireFits(admitted.type(), usage, bytes);
      case Length.AtLeast(long bytes) -> admission.requireFits(admitted.type(), usage, bytes);
      case Length.Unknown() -> {
        // found out while streaming
      }
    }
    long room = usage.quotaBytes() - usage.usedBytes();
    long limit = Math.min(admitted.type().kind().maxBytes(), room);
    MeteredInputStream content =
        new MeteredInputStream(
            new SequenceInputStream(new ByteArrayInputStream(head), command.content()),
            limit,
            () ->
                limit == room
                    ? Problems.quotaExceeded(usage.usedBytes(), usage.quotaBytes())
                    : Problems.tooLarge(admitted.type().kind(), limit));
    UUID id = ids.next();
    String key = ObjectKeys.original(id);
    long size;
    try {
      size =
          command.length() instanceof Length.Exact(long bytes)
              ? objects.putExactly(key, content, bytes, admitted.type().mediaType())
              : objects.put(key, content, admitted.type().mediaType());
    } catch (UncheckedIOException e) {
      throw interrupted();
    }
    StoredFile file =
        StoredFile.uploaded(
            id,
            owner,
            admitted.name(),
            admitted.type(),
            size,
            id.toString(), // the bytes never change after the upload: the id is a strong ETag
            key,
            command.visibility(),
            clock.instant());
    return admission.register(file);
  }

  private byte[] readHead(UploadFile command) {
    try {
      return command.content().readNBytes(admission.headLength());
    } catch (IOException e) {
      throw interrupted();
    }
  }

  /** The client's bytes stopped coming (a dropped connection, a cancelled request). */
  static PlatformError interrupted() {
    return new PlatformError(
        ErrorKind.INVALID_ARGUMENT,
        "UPLOAD_INTERRUPTED",
        "The upload stopped before the file was complete; nothing was kept. Try again.");
  }
}
