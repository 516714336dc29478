package io.kinobezdna.files.adapter.in.web;

import io.kinobezdna.files.domain.FileKind;
import io.kinobezdna.files.domain.MetadataField;
import io.kinobezdna.files.domain.StoredFile;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A file as the API shows it. The owner also sees who it is shared with, which metadata values are
 * their own edits, and which fields they may edit; other readers see the file and its metadata.
 */
public record FileView(
    String id,
    String name,
    String mediaType,
    String kind,
    long sizeBytes,
    String visibility,
    List<String> sharedWith,
    String createdAt,
    boolean mine,
    Extraction extraction,
    Map<String, Object> metadata,
    List<String> edited,
    List<Field> fields,
    boolean hasThumbnail) {

  /** Where metadata extraction is, and why it failed if it did. */
  public record Extraction(String status, String error) {}

  /** A metadata field of this kind of file, its JSON type, and whether the owner may edit it. */
  public record Field(String key, String type, boolean editable) {}

  static FileView of(StoredFile f, Optional<UUID> viewer) {
    boolean mine = viewer.filter(f::ownedBy).isPresent();
    return new FileView(
        f.id().toString(),
        f.name(),
        f.type().mediaType(),
        f.type().kind().name(),
        f.sizeBytes(),
        f.visibility().name(),
        mine ? f.sharedWith().stream().map(UUID::toString).sorted().toList() : List.of(),
        f.createdAt().toString(),
        mine,
        new Extraction(f.extraction().name(), f.extractionError()),
        f.metadata().effective(),
        mine ? List.copyOf(f.metadata().edits().keySet()) : List.of(),
        mine ? fields(f.type().kind()) : List.of(),
        f.thumbnailKey() != null);
  }

  private static List<Field> fields(FileKind kind) {
    return Arrays.stream(MetadataField.values())
        .filter(field -> field.appliesTo(kind))
        .map(field -> new Field(field.key(), field.type().name(), field.editable()))
        .toList();
  }
}
