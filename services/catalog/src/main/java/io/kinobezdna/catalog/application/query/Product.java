package io.kinobezdna.catalog.application.query;

import io.kinobezdna.catalog.domain.Money;
import io.kinobezdna.catalog.domain.OfferKind;
import java.util.UUID;

/** A sellable item as a cart sees it. */
public record Product(long sku, String name, Money price, OfferKind kind, UUID filmId) {}
