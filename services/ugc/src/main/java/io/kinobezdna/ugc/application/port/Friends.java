package io.kinobezdna.ugc.application.port;

import java.util.List;
import java.util.UUID;

/** The viewer's friends (mutual follows), from the users service. */
public interface Friends {

  record Friend(UUID userId, String displayName) {}

  /** All friends of the user the current request is made for (at most a few thousand). */
  List<Friend> of(UUID userId);
}
