package io.kinobezdna.ugc.adapter.in.web;

import io.kinobezdna.platform.auth.VerifiedCaller;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.paging.Page;
import io.kinobezdna.ugc.adapter.in.Callers;
import io.kinobezdna.ugc.application.Caller;
import io.kinobezdna.ugc.application.command.React;
import io.kinobezdna.ugc.application.command.ReactHandler;
import io.kinobezdna.ugc.application.command.SaveProgress;
import io.kinobezdna.ugc.application.command.SaveProgressHandler;
import io.kinobezdna.ugc.application.port.Reactions;
import io.kinobezdna.ugc.application.query.ContinueWatching;
import io.kinobezdna.ugc.application.query.ContinueWatchingHandler;
import io.kinobezdna.ugc.application.query.GetMyFilm;
import io.kinobezdna.ugc.application.query.GetMyFilmHandler;
import io.kinobezdna.ugc.application.query.ListFriendsWhoWant;
import io.kinobezdna.ugc.application.query.ListFriendsWhoWantHandler;
import io.kinobezdna.ugc.application.query.ListWhoLiked;
import io.kinobezdna.ugc.application.query.ListWhoLikedHandler;
import io.kinobezdna.ugc.application.query.ListWishlist;
import io.kinobezdna.ugc.application.query.ListWishlistHandler;
import io.kinobezdna.ugc.application.query.MyFilm;
import io.kinobezdna.ugc.domain.WatchProgress;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A viewer's own content over REST (the gateway exposes it under /api/ugc). Every route acts on the
 * caller's own rows only: there is no user id in any path.
 */
@RestController
public class UgcController {

  public record ProgressView(
      String filmId, int positionSeconds, int durationSeconds, String updatedAt) {

    static ProgressView of(WatchProgress p) {
      return new ProgressView(
          p.filmId().toString(),
          p.positionSeconds(),
          p.durationSeconds(),
          p.updatedAt().toString());
    }
  }

  public record MyFilmView(
      String filmId,
      boolean liked,
      Integer score,
      boolean wanted,
      ProgressView progress,
      long likeCount,
      long ratingCount,
      double averageRating,
      ReviewsController.ReviewView review) {

    static MyFilmView of(UUID filmId, MyFilm f) {
      return new MyFilmView(
          filmId.toString(),
          f.liked(),
          f.score().orElse(null),
          f.wanted(),
          f.progress().map(ProgressView::of).orElse(null),
          f.totals().likeCount(),
          f.totals().ratingCount(),
          f.totals().averageRating(),
          f.review().map(ReviewsController.ReviewView::of).orElse(null));
    }
  }

  public record ScoreRequest(Integer score) {}

  public record ProgressRequest(Integer positionSeconds, Integer durationSeconds) {}

  public record WishView(String filmId, String addedAt) {}

  public record WishPage(List<WishView> items, String nextCursor) {}

  public record FriendView(String userId, String displayName) {}

  public record LikerView(String userId, String displayName, boolean friend, String likedAt) {}

  public record LikerPage(List<LikerView> items, String nextCursor) {}

  private final ReactHandler react;
  private final SaveProgressHandler saveProgress;
  private final GetMyFilmHandler myFilm;
  private final ListWishlistHandler wishlist;
  private final ContinueWatchingHandler continueWatching;
  private final ListFriendsWhoWantHandler friendsWhoWant;
  private final ListWhoLikedHandler whoLiked;

  public UgcController(
      ReactHandler react,
      SaveProgressHandler saveProgress,
      GetMyFilmHandler myFilm,
      ListWishlistHandler wishlist,
      ContinueWatchingHandler continueWatching,
      ListFriendsWhoWantHandler friendsWhoWant,
      ListWhoLikedHandler whoLiked) {
    this.react = react;
    this.saveProgress = saveProgress;
    this.myFilm = myFilm;
    this.wishlist = wishlist;
    this.continueWatching = continueWatching;
    this.friendsWhoWant = friendsWhoWant;
    this.whoLiked = whoLiked;
  }

  @GetMapping("/films/{filmId}/mine")
  MyFilmView mine(VerifiedCaller verified, @PathVariable UUID filmId) {
    return MyFilmView.of(filmId, myFilm.handle(new GetMyFilm(Callers.of(verified), filmId)));
  }

  @PutMapping("/films/{filmId}/like")
  MyFilmView like(VerifiedCaller verified, @PathVariable UUID filmId) {
    return reacted(verified, filmId, new React.Like(true));
  }

  @DeleteMapping("/films/{filmId}/like")
  MyFilmView unlike(VerifiedCaller verified, @PathVariable UUID filmId) {
    return reacted(verified, filmId, new React.Like(false));
  }

  @PutMapping("/films/{filmId}/rating")
  MyFilmView rate(
      VerifiedCaller verified, @PathVariable UUID filmId, @RequestBody ScoreRequest body) {
    if (body.score() == null) {
      throw PlatformError.invalidField("score", "must be from 1 to 10");
    }
    return reacted(verified, filmId, new React.Rate(body.score()));
  }

  @DeleteMapping("/films/{filmId}/rating")
  MyFilmView unrate(VerifiedCaller verified, @PathVariable UUID filmId) {
    return reacted(verified, filmId, new React.Rate(null));
  }

  @PutMapping("/me/wishlist/{filmId}")
  MyFilmView wish(VerifiedCaller verified, @PathVariable UUID filmId) {
    return reacted(verified, filmId, new React.Wish(true));
  }

  @DeleteMapping("/me/wishlist/{filmId}")
  MyFilmView unwish(VerifiedCaller verified, @PathVariable UUID filmId) {
    return reacted(verified, filmId, new React.Wish(false));
  }

  @GetMapping("/me/wishlist")
  WishPage wishlist(
      VerifiedCaller verified,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer limit) {
    Page<Reactions.Wish> page =
        wishlist.handle(new ListWishlist(Callers.of(verified), cursor, limit));
    return new WishPage(
        page.items().stream()
            .map(w -> new WishView(w.filmId().toString(), w.addedAt().toString()))
            .toList(),
        page.nextCursor());
  }

  @PutMapping("/films/{filmId}/progress")
  ResponseEntity<ProgressView> progress(
      VerifiedCaller verified, @PathVariable UUID filmId, @RequestBody ProgressRequest body) {
    WatchProgress saved =
        saveProgress.handle(
            new SaveProgress(
                Callers.of(verified), filmId, body.positionSeconds(), body.durationSeconds()));
    return ResponseEntity.ok(ProgressView.of(saved));
  }

  @GetMapping("/me/continue-watching")
  List<ProgressView> continueWatching(VerifiedCaller verified) {
    return continueWatching.handle(new ContinueWatching(Callers.of(verified))).stream()
        .map(ProgressView::of)
        .toList();
  }

  @GetMapping("/films/{filmId}/friends-who-want")
  List<FriendView> friendsWhoWant(VerifiedCaller verified, @PathVariable UUID filmId) {
    return friendsWhoWant.handle(new ListFriendsWhoWant(Callers.of(verified), filmId)).stream()
        .map(f -> new FriendView(f.userId().toString(), f.displayName()))
        .toList();
  }

  @GetMapping("/films/{filmId}/likes")
  LikerPage likers(
      VerifiedCaller verified,
      @PathVariable UUID filmId,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer limit) {
    Page<ListWhoLikedHandler.Liker> page =
        whoLiked.handle(new ListWhoLiked(Callers.of(verified), filmId, cursor, limit));
    return new LikerPage(
        page.items().stream()
            .map(
                l ->
                    new LikerView(
                        l.userId().toString(), l.displayName(), l.friend(), l.likedAt().toString()))
            .toList(),
        page.nextCursor());
  }

  private MyFilmView reacted(VerifiedCaller verified, UUID filmId, React.Reaction reaction) {
    Caller caller = Callers.of(verified);
    react.handle(new React(caller, filmId, reaction));
    return MyFilmView.of(filmId, myFilm.handle(new GetMyFilm(caller, filmId)));
  }
}
