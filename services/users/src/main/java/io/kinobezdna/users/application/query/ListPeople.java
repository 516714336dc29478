package io.kinobezdna.users.application.query;

import io.kinobezdna.users.application.Caller;
import java.util.UUID;

/**
 * A page of people: someone's followers, who they follow, their friends, or a name search.
 *
 * @param of whose lists (ignored for SEARCH)
 * @param text the name to search for (SEARCH only)
 */
public record ListPeople(
    Caller viewer, Kind kind, UUID of, String text, String cursor, Integer limit) {

  public enum Kind {
    FOLLOWERS,
    FOLLOWING,
    FRIENDS,
    SEARCH
  }
}
