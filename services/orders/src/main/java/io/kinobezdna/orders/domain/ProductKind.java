package io.kinobezdna.orders.domain;

/** How catalog sells a SKU, as far as stock is concerned. */
public enum ProductKind {
  /** Rent, buy or subscription: any number can be sold. */
  DIGITAL,
  /** A seat at a premiere screening: limited. */
  TICKET
}
