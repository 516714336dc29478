package io.kinobezdna.files.application.command;

import io.kinobezdna.files.application.Caller;
import io.kinobezdna.files.domain.Visibility;
import io.kinobezdna.platform.errors.PlatformError;
import java.util.Set;
import java.util.UUID;

/** Who may read a file: only its owner, the owner and the users named, or everyone. */
public record ChangeFileAccess(
    Caller caller, UUID fileId, Visibility visibility, Set<UUID> sharedWith) {

  public static final int MAX_SHARED_WITH = 100;

  public ChangeFileAccess {
    if (visibility == null) {
      throw PlatformError.invalidField("visibility", "must be PRIVATE, SHARED or PUBLIC");
    }
    sharedWith = sharedWith == null ? Set.of() : sharedWith;
    if (visibility == Visibility.SHARED && sharedWith.isEmpty()) {
      throw PlatformError.invalidField("sharedWith", "name at least one user to share with");
    }
    if (sharedWith.size() > MAX_SHARED_WITH) {
      throw PlatformError.invalidField(
          "sharedWith", "may name at most " + MAX_SHARED_WITH + " users");
    }
    if (sharedWith.contains(caller.userId())) {
      throw PlatformError.invalidField("sharedWith", "is for other users: you own the file");
    }
  }
}
