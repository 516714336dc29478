package io.kinobezdna.orders.application.query;

/** How many of a SKU can be ordered. */
public record GetStock(long sku) {}
