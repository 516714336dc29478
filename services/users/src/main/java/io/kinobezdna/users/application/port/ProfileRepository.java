package io.kinobezdna.users.application.port;

import io.kinobezdna.platform.paging.Page;
import io.kinobezdna.users.domain.Profile;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface ProfileRepository {

  /** Adds the profile unless the user has one already. */
  void insertIfAbsent(Profile profile);

  Optional<Profile> find(UUID userId);

  List<Profile> findAll(Collection<UUID> userIds);

  /**
   * Stores an edit as {@code profile.version()}; false when the stored profile is no longer at the
   * version before it (edited meanwhile).
   */
  boolean update(Profile profile);

  /** Users whose name contains {@code query} (case-insensitive), by name, after the cursor. */
  List<Profile> search(String query, Page.Cursor after, int limit);
}
