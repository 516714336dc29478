package io.kinobezdna.ugc.application.port;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Public profiles, from the users service. */
public interface Profiles {

  /** Display names of these users; unknown ids are absent. */
  Map<UUID, String> displayNames(Collection<UUID> userIds);
}
