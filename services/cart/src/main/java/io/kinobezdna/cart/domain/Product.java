package io.kinobezdna.cart.domain;

/** What catalog says about a SKU: what the buyer sees and what one costs, in minor units. */
public record Product(
    long sku, String name, long priceMinorUnits, String currency, String filmId) {}
