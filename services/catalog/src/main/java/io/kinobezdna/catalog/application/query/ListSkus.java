package io.kinobezdna.catalog.application.query;

import io.kinobezdna.platform.errors.PlatformError;

/** Up to count SKUs after afterSku (0 or less: from the first), in order. */
public record ListSkus(long afterSku, int count) {

  public static final int MAX_SKUS = 1000;

  public ListSkus {
    if (count < 1 || count > MAX_SKUS) {
      throw PlatformError.invalidField("count", "must be from 1 to " + MAX_SKUS);
    }
    afterSku = Math.max(afterSku, 0);
  }
}
