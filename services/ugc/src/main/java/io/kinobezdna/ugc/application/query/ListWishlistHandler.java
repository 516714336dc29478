package io.kinobezdna.ugc.application.query;

import io.kinobezdna.platform.paging.Page;
import io.kinobezdna.ugc.application.port.Reactions;

public final class ListWishlistHandler {

  private final Reactions reactions;

  public ListWishlistHandler(Reactions reactions) {
    this.reactions = reactions;
  }

  public Page<Reactions.Wish> handle(ListWishlist query) {
    return reactions.wishlist(
        query.caller().userId(), Page.cursor(query.cursor()), Page.size(query.limit()));
  }
}
