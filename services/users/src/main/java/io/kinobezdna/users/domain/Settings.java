package io.kinobezdna.users.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A user's own preferences; nobody else ever sees them. Until the user saves a language it is null:
 * the site then speaks the browser's language rather than imposing one.
 */
public record Settings(
    UUID userId,
    String language,
    String theme,
    boolean autoplay,
    boolean notifyByEmail,
    boolean notifyInApp,
    boolean notifyFriendActivity) {

  public static final Set<String> LANGUAGES = Set.of("ru", "en");
  public static final Set<String> THEMES = Set.of("dark", "light", "system");

  public static Settings defaults(UUID userId) {
    return new Settings(userId, null, "dark", true, true, true, true);
  }

  public List<ProfileChange.Problem> problems() {
    List<ProfileChange.Problem> problems = new ArrayList<>();
    if (!LANGUAGES.contains(language)) {
      problems.add(new ProfileChange.Problem("language", "must be ru or en"));
    }
    if (!THEMES.contains(theme)) {
      problems.add(new ProfileChange.Problem("theme", "must be dark, light or system"));
    }
    return problems;
  }
}
