package io.kinobezdna.orders.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final Duration WINDOW = Duration.ofMinutes(10);
  private final Order placed =
      Order.place(
          UUID.randomUUID(),
          List.of(new OrderLine(5, 1), new OrderLine(3, 2), new OrderLine(5, 2)),
          NOW);

  @Test
  void placingAddsUpLinesOfOneSkuInSkuOrder() {
    assertThat(placed.status()).isEqualTo(OrderStatus.NEW);
    assertThat(placed.lines()).containsExactly(new OrderLine(3, 2), new OrderLine(5, 3));
    assertThat(placed.payBefore(WINDOW)).isEqualTo(Instant.parse("2026-11-23T10:10:00Z"));
  }

  @Test
  void pastItsPaymentWindowAnOrderCannotBePaidEvenBeforeItIsCancelled() {
    Order awaiting = placed.reserved();

    assertThat(awaiting.pay(NOW.plus(WINDOW).minusMillis(1), WINDOW)).isPresent();
    assertThatThrownBy(() -> awaiting.pay(NOW.plus(WINDOW), WINDOW))
        .isInstanceOfSatisfying(
            OrderStateException.class, e -> assertThat(e.reason()).isEqualTo("ORDER_EXPIRED"));
    // a paid order stays paid, window or not
    Order paid = awaiting.pay(NOW, WINDOW).orElseThrow();
    assertThat(paid.pay(NOW.plus(Duration.ofDays(1)), WINDOW)).isEmpty();
  }

  @Test
  void theStatusMachineOfLoms() {
    Order awaiting = placed.reserved();
    assertThat(awaiting.holdsReservation()).isTrue();
    Order paid = awaiting.pay(NOW, WINDOW).orElseThrow();
    assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
    assertThat(paid.pay(NOW, WINDOW)).isEmpty();
    assertThatThrownBy(paid::cancel)
        .isInstanceOfSatisfying(
            OrderStateException.class, e -> assertThat(e.status()).isEqualTo(OrderStatus.PAID));
    Order cancelled = awaiting.cancel().orElseThrow();
    assertThat(cancelled.cancel()).isEmpty();
    assertThatThrownBy(() -> cancelled.pay(NOW, WINDOW)).isInstanceOf(OrderStateException.class);
    Order failed = placed.failed();
    assertThatThrownBy(() -> failed.pay(NOW, WINDOW)).isInstanceOf(OrderStateException.class);
    assertThatThrownBy(failed::cancel).isInstanceOf(OrderStateException.class);
    assertThatThrownBy(awaiting::reserved).isInstanceOf(OrderStateException.class);
    assertThatThrownBy(awaiting::failed).isInstanceOf(OrderStateException.class);
  }

  @Test
  void statusesReadAsLomsWritesThem() {
    assertThat(OrderStatus.ofLabel("awaiting payment")).isEqualTo(OrderStatus.AWAITING_PAYMENT);
    assertThatThrownBy(() -> OrderStatus.ofLabel("shipped"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OrderLine(1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Order(1, UUID.randomUUID(), OrderStatus.NEW, List.of(), NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void stockIsReservedReleasedAndSold() {
    Stock seats = new StockPolicy(3).initial(9, ProductKind.TICKET);
    assertThat(seats.canReserve(4)).isFalse();
    Stock held = seats.reserve(2);
    assertThat(held.available()).isEqualTo(1);
    assertThat(held.release(2).available()).isEqualTo(3);
    Stock sold = held.sell(2);
    assertThat(sold.total()).isEqualTo(1);
    assertThat(sold.reserved()).isZero();
    assertThatThrownBy(() -> held.reserve(2)).isInstanceOf(IllegalStateException.class);
    Stock digital = new StockPolicy(3).initial(10, ProductKind.DIGITAL);
    assertThat(digital.reserve(1_000).sell(1_000).release(5)).isEqualTo(digital);
    assertThat(digital.available()).isEqualTo(Long.MAX_VALUE);
    assertThatThrownBy(() -> new StockPolicy(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
