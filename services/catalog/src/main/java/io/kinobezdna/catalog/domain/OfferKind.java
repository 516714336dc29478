package io.kinobezdna.catalog.domain;

/** How a film can be had; each offer of a film is one SKU a cart can hold. */
public enum OfferKind {
  /** Watch for 48 hours. */
  RENT_48H("аренда на 48 ч", "rent for 48 h"),
  /** Watch forever. */
  BUY("покупка", "buy"),
  /** Included in the subscription: price zero, needs an active subscription. */
  SUBSCRIPTION("по подписке", "with subscription"),
  /** A seat at a premiere screening: limited stock, which orders keeps. */
  TICKET("билет на премьеру", "premiere ticket");

  private final String labelRu;
  private final String labelEn;

  OfferKind(String labelRu, String labelEn) {
    this.labelRu = labelRu;
    this.labelEn = labelEn;
  }

  public String labelRu() {
    return labelRu;
  }

  public String labelEn() {
    return labelEn;
  }
}
