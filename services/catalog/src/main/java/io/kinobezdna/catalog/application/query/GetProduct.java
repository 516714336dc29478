package io.kinobezdna.catalog.application.query;

import io.kinobezdna.platform.errors.PlatformError;

/** A product (an active offer of a published film) by its SKU. */
public record GetProduct(long sku) {

  public GetProduct {
    if (sku <= 0) {
      throw PlatformError.invalidField("sku", "must be a positive number");
    }
  }
}
