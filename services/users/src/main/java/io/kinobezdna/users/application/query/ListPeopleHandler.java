package io.kinobezdna.users.application.query;

import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.paging.Page;
import io.kinobezdna.users.application.Problems;
import io.kinobezdna.users.application.port.FollowRepository;
import io.kinobezdna.users.application.port.ProfileRepository;
import io.kinobezdna.users.domain.Profile;
import io.kinobezdna.users.domain.Relationship;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Lists are public within the platform (like most social graphs); each person comes with the
 * viewer's relationship to them, so the site can show Follow / Unfollow at once.
 */
public final class ListPeopleHandler {

  private static final Relationship NONE = new Relationship(false, false);

  private final ProfileRepository profiles;
  private final FollowRepository follows;

  public ListPeopleHandler(ProfileRepository profiles, FollowRepository follows) {
    this.profiles = profiles;
    this.follows = follows;
  }

  public Page<PersonView> handle(ListPeople query) {
    int limit = Page.size(query.limit());
    Page.Cursor after = Page.cursor(query.cursor());
    if (!after.equals(Page.Cursor.START)) {
      after.idAsUuid(); // a cursor of this list names a user: anything else is forged (400)
    }
    // One more than asked tells whether there is a next page.
    List<Profile> found =
        switch (query.kind()) {
          case FOLLOWERS -> follows.followers(existing(query), after, limit + 1);
          case FOLLOWING -> follows.following(existing(query), after, limit + 1);
          case FRIENDS -> follows.friends(existing(query), after, limit + 1);
          case SEARCH -> profiles.search(searchText(query.text()), after, limit + 1);
        };
    Page<Profile> page =
        Page.fromRows(found, limit, p -> new Page.Cursor(p.displayName(), p.userId().toString()));
    Map<UUID, Relationship> relations =
        follows.between(
            query.viewer().userId(), page.items().stream().map(Profile::userId).toList());
    return new Page<>(
        page.items().stream()
            .map(p -> new PersonView(p, relations.getOrDefault(p.userId(), NONE)))
            .toList(),
        page.nextCursor());
  }

  private UUID existing(ListPeople query) {
    if (profiles.find(query.of()).isEmpty()) {
      throw Problems.noSuchUser(query.of());
    }
    return query.of();
  }

  private static String searchText(String text) {
    if (text == null || text.strip().length() < 2 || text.length() > 60) {
      throw PlatformError.invalidField("q", "must be 2 to 60 characters");
    }
    return text.strip();
  }
}
