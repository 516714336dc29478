package io.kinobezdna.orders.domain;

import java.util.Arrays;

/** Where an order is in its life; the labels are the Route256 LOMS status strings. */
public enum OrderStatus {
  NEW("new"),
  AWAITING_PAYMENT("awaiting payment"),
  FAILED("failed"),
  PAID("paid"),
  CANCELLED("cancelled");

  private final String label;

  OrderStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static OrderStatus ofLabel(String label) {
    return Arrays.stream(values())
        .filter(s -> s.label.equals(label))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown order status: " + label));
  }
}
