package io.kinobezdna.ugc.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A viewer's review of a film. New and edited reviews wait for support ({@link Status#PENDING});
 * support publishes them or turns them down with a note the author sees.
 */
public record Review(
    UUID id,
    UUID filmId,
    UUID authorId,
    String authorName,
    String body,
    Status status,
    String moderationNote,
    Instant writtenAt) {

  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 4000;

  public enum Status {
    PENDING,
    PUBLISHED,
    REJECTED
  }

  /** What support decides about a review. */
  public enum Decision {
    PUBLISH,
    REJECT
  }

  public Review {
    Objects.requireNonNull(id);
    Objects.requireNonNull(filmId);
    Objects.requireNonNull(authorId);
    Objects.requireNonNull(status);
    body = checkedBody(body);
  }

  /** Why a text cannot be a review, or null when it can. */
  public static String problemWith(String body) {
    if (body == null || body.isBlank()) {
      return "must not be empty";
    }
    int length = body.strip().codePointCount(0, body.strip().length());
    if (length < MIN_LENGTH) {
      return "must be at least " + MIN_LENGTH + " characters";
    }
    if (length > MAX_LENGTH) {
      return "must be at most " + MAX_LENGTH + " characters";
    }
    return null;
  }

  private static String checkedBody(String body) {
    String problem = problemWith(body);
    if (problem != null) {
      throw new IllegalArgumentException("a review's text " + problem);
    }
    return body.strip();
  }

  /** A new review, waiting for moderation. */
  public static Review written(
      UUID id, UUID filmId, UUID authorId, String authorName, String body, Instant at) {
    return new Review(id, filmId, authorId, authorName, body, Status.PENDING, null, at);
  }

  /** The same review with a new text: support has not seen it, so it waits again. */
  public Review rewritten(String newBody, String newAuthorName, Instant at) {
    return new Review(id, filmId, authorId, newAuthorName, newBody, Status.PENDING, null, at);
  }

  /** Support's decision; turning a review down needs a note for its author. */
  public Review moderated(Decision decision, String note) {
    return switch (decision) {
      case PUBLISH ->
          new Review(id, filmId, authorId, authorName, body, Status.PUBLISHED, null, writtenAt);
      case REJECT -> {
        if (note == null || note.isBlank()) {
          throw new IllegalArgumentException("turning a review down needs a note for its author");
        }
        yield new Review(
            id, filmId, authorId, authorName, body, Status.REJECTED, note.strip(), writtenAt);
      }
    };
  }
}
