package io.kinobezdna.users.application.query;

import java.util.List;
import java.util.UUID;

/** Public profiles of many users at once (for other services). */
public record GetProfiles(List<UUID> userIds) {

  public static final int MAX = 200;
}
