package io.kinobezdna.catalog.domain;

/** An offer as an editor asks for it: the kind and the price; the catalog assigns the SKU. */
public record OfferTerms(OfferKind kind, Money price) {}
