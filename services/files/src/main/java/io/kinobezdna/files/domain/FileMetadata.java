package io.kinobezdna.files.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A file's metadata: what extraction found, and the owner's edits over it. Both are kept, so an
 * extraction that finishes after an edit does not undo the edit, and an edit can be taken back (set
 * to null) to show the extracted value again.
 *
 * <p>Values are plain JSON-friendly Java: String, Long, BigDecimal, Boolean, List of String.
 */
public record FileMetadata(Map<String, Object> extracted, Map<String, Object> edits) {

  public static final int MAX_TEXT = 500;
  public static final int MAX_LIST = 50;

  public static final FileMetadata NONE = new FileMetadata(Map.of(), Map.of());

  public FileMetadata {
    extracted = Collections.unmodifiableMap(new LinkedHashMap<>(extracted));
    edits = Collections.unmodifiableMap(new LinkedHashMap<>(edits));
  }

  /** Extracted values with the owner's edits on top. */
  public Map<String, Object> effective() {
    Map<String, Object> merged = new LinkedHashMap<>(extracted);
    merged.putAll(edits);
    return Collections.unmodifiableMap(merged);
  }

  public Optional<Object> value(MetadataField field) {
    return Optional.ofNullable(effective().get(field.key()));
  }

  public Optional<String> text(MetadataField field) {
    return value(field).map(Object::toString);
  }

  public Optional<Long> integer(MetadataField field) {
    return value(field).filter(Number.class::isInstance).map(v -> ((Number) v).longValue());
  }

  public FileMetadata withExtracted(Map<String, Object> values) {
    return new FileMetadata(values, edits);
  }

  /**
   * These edits applied on top of the existing ones; a null value takes the edit back. Every field
   * must be editable and belong to the file's kind, and every value must fit its type — otherwise
   * nothing changes and each problem is named.
   */
  public FileMetadata edit(
      FileKind kind, Map<String, Object> changes, Map<String, String> problems) {
    Map<String, Object> next = new LinkedHashMap<>(edits);
    changes.forEach(
        (key, raw) -> {
          Optional<MetadataField> field = MetadataField.byKey(key);
          if (field.isEmpty() || !field.get().appliesTo(kind)) {
            problems.put(key, "is not a field of " + kind.name().toLowerCase() + " files");
          } else if (!field.get().editable()) {
            problems.put(key, "is measured from the content and cannot be edited");
          } else if (raw == null) {
            next.remove(key);
          } else {
            coerce(field.get(), raw)
                .ifPresentOrElse(
                    value -> next.put(key, value),
                    () -> problems.put(key, expectation(field.get())));
          }
        });
    return new FileMetadata(extracted, next);
  }

  private static Optional<Object> coerce(MetadataField field, Object raw) {
    return switch (field.type()) {
      case TEXT ->
          raw instanceof String s && !s.isBlank() && s.length() <= MAX_TEXT
              ? Optional.of(s.strip())
              : Optional.empty();
      case INTEGER ->
          raw instanceof Number n && n.doubleValue() == n.longValue() && n.longValue() >= 0
              ? Optional.of(n.longValue())
              : Optional.empty();
      case DECIMAL ->
          raw instanceof Number n ? Optional.of(new BigDecimal(n.toString())) : Optional.empty();
      case BOOLEAN -> raw instanceof Boolean ? Optional.of(raw) : Optional.empty();
      case TEXT_LIST -> textList(raw);
    };
  }

  private static Optional<Object> textList(Object raw) {
    if (!(raw instanceof List<?> list) || list.size() > MAX_LIST) {
      return Optional.empty();
    }
    List<String> values = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof String s) || s.isBlank() || s.length() > MAX_TEXT) {
        return Optional.empty();
      }
      values.add(s.strip());
    }
    return Optional.of(List.copyOf(values));
  }

  private static String expectation(MetadataField field) {
    return switch (field.type()) {
      case TEXT -> "must be text of 1 to " + MAX_TEXT + " characters";
      case INTEGER -> "must be a whole number, 0 or more";
      case DECIMAL -> "must be a number";
      case BOOLEAN -> "must be true or false";
      case TEXT_LIST -> "must be a list of at most " + MAX_LIST + " texts";
    };
  }
}
