package io.kinobezdna.users.domain;

/**
 * How the viewer relates to another user. Friends are mutual follows: the watch-together feature
 * offers a room only to people who chose each other.
 */
public record Relationship(boolean following, boolean followedBy) {

  public boolean friends() {
    return following && followedBy;
  }
}
