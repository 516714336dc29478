package io.kinobezdna.users.adapter.in.web;

import io.kinobezdna.platform.auth.VerifiedCaller;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.paging.Page;
import io.kinobezdna.platform.web.IfMatch;
import io.kinobezdna.users.adapter.in.Callers;
import io.kinobezdna.users.application.Caller;
import io.kinobezdna.users.application.command.ChangeFollow;
import io.kinobezdna.users.application.command.ChangeFollowHandler;
import io.kinobezdna.users.application.command.EnsureProfile;
import io.kinobezdna.users.application.command.EnsureProfileHandler;
import io.kinobezdna.users.application.command.UpdateProfile;
import io.kinobezdna.users.application.command.UpdateProfileHandler;
import io.kinobezdna.users.application.command.UpdateSettings;
import io.kinobezdna.users.application.command.UpdateSettingsHandler;
import io.kinobezdna.users.application.query.GetMe;
import io.kinobezdna.users.application.query.GetMeHandler;
import io.kinobezdna.users.application.query.GetPerson;
import io.kinobezdna.users.application.query.GetPersonHandler;
import io.kinobezdna.users.application.query.ListPeople;
import io.kinobezdna.users.application.query.ListPeopleHandler;
import io.kinobezdna.users.application.query.PersonView;
import io.kinobezdna.users.domain.Profile;
import io.kinobezdna.users.domain.ProfileChange;
import io.kinobezdna.users.domain.Relationship;
import io.kinobezdna.users.domain.Settings;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Profiles, settings and follows over REST (the gateway exposes them under /api/users). */
@RestController
public class UsersController {

  /** {@code version}: what an edit sends back as {@code If-Match}. */
  public record ProfileView(
      String userId,
      String displayName,
      String bio,
      String avatarFileId,
      String locale,
      long version) {

    static ProfileView of(Profile p) {
      return new ProfileView(
          p.userId().toString(),
          p.displayName(),
          p.bio(),
          p.avatarFileId() == null ? null : p.avatarFileId().toString(),
          p.locale(),
          p.version());
    }
  }

  public record RelationshipView(boolean following, boolean followedBy, boolean friends) {

    static RelationshipView of(Relationship r) {
      return new RelationshipView(r.following(), r.followedBy(), r.friends());
    }
  }

  public record Person(ProfileView profile, RelationshipView relationship) {

    static Person of(PersonView view) {
      return new Person(ProfileView.of(view.profile()), RelationshipView.of(view.relationship()));
    }
  }

  public record SettingsView(
      String language,
      String theme,
      boolean autoplay,
      boolean notifyByEmail,
      boolean notifyInApp,
      boolean notifyFriendActivity) {

    static SettingsView of(Settings s) {
      return new SettingsView(
          s.language(),
          s.theme(),
          s.autoplay(),
          s.notifyByEmail(),
          s.notifyInApp(),
          s.notifyFriendActivity());
    }
  }

  public record MeView(ProfileView profile, SettingsView settings) {}

  public record PeoplePage(List<Person> items, String nextCursor) {}

  public record SettingsRequest(
      String language,
      String theme,
      Boolean autoplay,
      Boolean notifyByEmail,
      Boolean notifyInApp,
      Boolean notifyFriendActivity) {}

  private final EnsureProfileHandler ensureProfile;
  private final UpdateProfileHandler updateProfile;
  private final UpdateSettingsHandler updateSettings;
  private final ChangeFollowHandler changeFollow;
  private final GetMeHandler getMe;
  private final GetPersonHandler getPerson;
  private final ListPeopleHandler listPeople;

  public UsersController(
      EnsureProfileHandler ensureProfile,
      UpdateProfileHandler updateProfile,
      UpdateSettingsHandler updateSettings,
      ChangeFollowHandler changeFollow,
      GetMeHandler getMe,
      GetPersonHandler getPerson,
      ListPeopleHandler listPeople) {
    this.ensureProfile = ensureProfile;
    this.updateProfile = updateProfile;
    this.updateSettings = updateSettings;
    this.changeFollow = changeFollow;
    this.getMe = getMe;
    this.getPerson = getPerson;
    this.listPeople = listPeople;
  }

  /**
   * The caller, with a profile of their own: the first request that needs one (/me, an edit, a
   * follow) creates it from the token's name. Reads of other people's data skip this write.
   */
  private Caller withProfile(VerifiedCaller verified) {
    Caller caller = Callers.of(verified);
    ensureProfile.handle(new EnsureProfile(caller));
    return caller;
  }

  /** Reads first, so only a caller's very first visit writes. */
  @GetMapping("/me")
  MeView me(VerifiedCaller verified) {
    GetMe query = new GetMe(Callers.of(verified));
    GetMeHandler.Me me =
        getMe
            .handle(query)
            .orElseGet(
                () -> {
                  withProfile(verified);
                  return getMe.handle(query).orElseThrow();
                });
    return new MeView(ProfileView.of(me.profile()), SettingsView.of(me.settings()));
  }

  /** An edit names the version it was made against: {@code If-Match} with the profile's ETag. */
  @PatchMapping("/me/profile")
  ResponseEntity<ProfileView> updateMyProfile(
      VerifiedCaller verified,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody ProfileChange change) {
    long version = IfMatch.version(ifMatch, "GET /me (profile.version)");
    Caller caller = withProfile(verified);
    return tagged(
        updateProfile.handle(new UpdateProfile(caller, caller.userId(), version, change)));
  }

  @PatchMapping("/profiles/{userId}")
  ResponseEntity<ProfileView> updateProfile(
      VerifiedCaller verified,
      @PathVariable UUID userId,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody ProfileChange change) {
    long version = IfMatch.version(ifMatch, "GET /profiles/{userId} (profile.version)");
    return tagged(
        updateProfile.handle(new UpdateProfile(Callers.of(verified), userId, version, change)));
  }

  private static ResponseEntity<ProfileView> tagged(Profile profile) {
    return IfMatch.tagged(profile.version(), ProfileView.of(profile));
  }

  @PutMapping("/me/settings")
  SettingsView updateSettings(VerifiedCaller verified, @RequestBody SettingsRequest body) {
    Caller caller = withProfile(verified);
    if (body.autoplay() == null
        || body.notifyByEmail() == null
        || body.notifyInApp() == null
        || body.notifyFriendActivity() == null
        || body.language() == null
        || body.theme() == null) {
      throw PlatformError.invalidField("settings", "every setting is required");
    }
    return SettingsView.of(
        updateSettings.handle(
            new UpdateSettings(
                new Settings(
                    caller.userId(),
                    body.language(),
                    body.theme(),
                    body.autoplay(),
                    body.notifyByEmail(),
                    body.notifyInApp(),
                    body.notifyFriendActivity()))));
  }

  @GetMapping("/profiles/{userId}")
  Person person(VerifiedCaller verified, @PathVariable UUID userId) {
    return Person.of(getPerson.handle(new GetPerson(Callers.of(verified), userId)));
  }

  @GetMapping("/profiles/{userId}/{list:followers|following|friends}")
  PeoplePage list(
      VerifiedCaller verified,
      @PathVariable UUID userId,
      @PathVariable String list,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer limit) {
    ListPeople.Kind kind = ListPeople.Kind.valueOf(list.toUpperCase(Locale.ROOT));
    return page(
        listPeople.handle(new ListPeople(Callers.of(verified), kind, userId, null, cursor, limit)));
  }

  @GetMapping("/search")
  PeoplePage search(
      VerifiedCaller verified,
      @RequestParam(name = "q", required = false) String text,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer limit) {
    return page(
        listPeople.handle(
            new ListPeople(
                Callers.of(verified), ListPeople.Kind.SEARCH, null, text, cursor, limit)));
  }

  @PutMapping("/me/following/{userId}")
  RelationshipView follow(VerifiedCaller verified, @PathVariable UUID userId) {
    return RelationshipView.of(
        changeFollow.handle(new ChangeFollow(withProfile(verified), userId, true)));
  }

  @DeleteMapping("/me/following/{userId}")
  RelationshipView unfollow(VerifiedCaller verified, @PathVariable UUID userId) {
    return RelationshipView.of(
        changeFollow.handle(new ChangeFollow(withProfile(verified), userId, false)));
  }

  private static PeoplePage page(Page<PersonView> page) {
    return new PeoplePage(page.items().stream().map(Person::of).toList(), page.nextCursor());
  }
}
