package io.kinobezdna.files.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StoredFileTest {

  private final UUID owner = UUID.randomUUID();
  private final UUID friend = UUID.randomUUID();
  private final UUID stranger = UUID.randomUUID();
  private final StoredFile file =
      StoredFile.uploaded(
          UUID.randomUUID(),
          owner,
          "photo.jpg",
          new DetectedType("image/jpeg", FileKind.IMAGE, "jpg"),
          10,
          "etag",
          "files/x",
          Visibility.PRIVATE,
          Instant.EPOCH);

  @Test
  void whoReadsWhat() {
    assertThat(file.readableBy(Optional.of(owner))).isTrue();
    assertThat(file.readableBy(Optional.of(stranger))).isFalse();
    assertThat(file.readableBy(Optional.empty())).isFalse();

    StoredFile shared = file.withAccess(Visibility.SHARED, Set.of(friend));
    assertThat(shared.readableBy(Optional.of(friend))).isTrue();
    assertThat(shared.readableBy(Optional.of(owner))).isTrue();
    assertThat(shared.readableBy(Optional.of(stranger))).isFalse();
    assertThat(shared.readableBy(Optional.empty())).isFalse();

    StoredFile open = shared.withAccess(Visibility.PUBLIC, Set.of(friend));
    assertThat(open.readableBy(Optional.empty())).isTrue();
    assertThat(open.sharedWith()).as("a list only shared files keep").isEmpty();
  }

  /** The public file {@code files/x} of {@code owner}, its metadata extracted as given. */
  private StoredFile extracted(FileMetadata metadata, String cleanCopyKey) {
    return new StoredFile(
        file.id(),
        owner,
        file.name(),
        file.type(),
        10,
        "etag",
        "files/x",
        Visibility.PUBLIC,
        Set.of(),
        Instant.EPOCH,
        ExtractionStatus.DONE,
        null,
        metadata,
        null,
        cleanCopyKey);
  }

  @Test
  void everyoneButTheOwnerGetsTheCleanCopy() {
    StoredFile cleaned = extracted(FileMetadata.NONE, "files/x.clean");
    assertThat(cleaned.objectKeyFor(Optional.of(owner))).contains("files/x");
    assertThat(cleaned.objectKeyFor(Optional.of(stranger))).contains("files/x.clean");
    assertThat(cleaned.objectKeyFor(Optional.empty())).contains("files/x.clean");
    assertThat(file.objectKeyFor(Optional.of(stranger))).contains("files/x");

    StoredFile locationKept =
        extracted(FileMetadata.NONE.withExtracted(Map.of("locationRemoved", false)), null);
    assertThat(locationKept.objectKeyFor(Optional.of(owner))).contains("files/x");
    assertThat(locationKept.objectKeyFor(Optional.of(stranger)))
        .as("a position that could not be removed never reaches anyone else")
        .isEmpty();
    assertThat(locationKept.objectKeyFor(Optional.empty())).isEmpty();
  }

  @Test
  void editsSitOnTopOfExtractedValuesAndCanBeTakenBack() {
    FileMetadata extracted = FileMetadata.NONE.withExtracted(Map.of("title", "Raw", "width", 320L));
    Map<String, String> problems = new LinkedHashMap<>();
    FileMetadata edited = extracted.edit(FileKind.IMAGE, Map.of("title", "  Harbour  "), problems);
    assertThat(problems).isEmpty();
    assertThat(edited.text(MetadataField.TITLE)).hasValue("Harbour");
    assertThat(edited.integer(MetadataField.WIDTH)).hasValue(320L);

    Map<String, Object> undo = new java.util.HashMap<>();
    undo.put("title", null);
    assertThat(edited.edit(FileKind.IMAGE, undo, problems).text(MetadataField.TITLE))
        .hasValue("Raw");
    // a later extraction keeps the edit
    assertThat(edited.withExtracted(Map.of("title", "New raw")).text(MetadataField.TITLE))
        .hasValue("Harbour");
  }

  @Test
  void badEditsAreAllNamed() {
    Map<String, String> problems = new LinkedHashMap<>();
    FileMetadata.NONE.edit(
        FileKind.AUDIO,
        Map.of(
            "year",
            "1927",
            "trackNumber",
            -1,
            "width",
            10,
            "bitrateKbps",
            10,
            "nonsense",
            "x",
            "title",
            " "),
        problems);
    assertThat(problems).hasSize(6);
    assertThat(problems.get("year")).startsWith("must be a whole number");
    assertThat(problems.get("width")).startsWith("is not a field of audio");
    assertThat(problems.get("bitrateKbps")).startsWith("is measured");
    assertThat(problems.get("title")).startsWith("must be text");
    Map<String, String> castProblems = new LinkedHashMap<>();
    FileMetadata cast =
        FileMetadata.NONE.edit(
            FileKind.VIDEO, Map.of("cast", List.of("Ada Reel", "Ivan Plyonka")), castProblems);
    assertThat(castProblems).isEmpty();
    assertThat(cast.value(MetadataField.CAST)).hasValue(List.of("Ada Reel", "Ivan Plyonka"));
    FileMetadata.NONE.edit(FileKind.VIDEO, Map.of("cast", List.of(1, 2)), castProblems);
    assertThat(castProblems)
        .containsExactly(Map.entry("cast", "must be a list of at most 50 texts"));
  }
}
