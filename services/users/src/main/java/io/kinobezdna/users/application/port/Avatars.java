package io.kinobezdna.users.application.port;

import java.util.UUID;

/** What the files service says of a file meant as someone's avatar, asked as the calling user. */
public interface Avatars {

  /**
   * Whether the file is an image that anyone may see (avatars are shown to everyone) and that
   * {@code owner} owns; a file the caller may not read, or that does not exist, is not.
   */
  boolean isPublicImageOf(UUID fileId, UUID owner);
}
