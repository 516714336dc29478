package io.kinobezdna.orders.application.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.kinobezdna.orders.application.Caller;
import io.kinobezdna.orders.application.port.OrderEvents;
import io.kinobezdna.orders.application.port.OrderRepository;
import io.kinobezdna.orders.application.port.Products;
import io.kinobezdna.orders.application.port.StockRepository;
import io.kinobezdna.orders.application.query.GetOrder;
import io.kinobezdna.orders.application.query.GetOrderHandler;
import io.kinobezdna.orders.application.query.GetStock;
import io.kinobezdna.orders.application.query.GetStockHandler;
import io.kinobezdna.orders.application.query.ListOrders;
import io.kinobezdna.orders.application.query.ListOrdersHandler;
import io.kinobezdna.orders.domain.Order;
import io.kinobezdna.orders.domain.OrderEvent;
import io.kinobezdna.orders.domain.OrderLine;
import io.kinobezdna.orders.domain.OrderStatus;
import io.kinobezdna.orders.domain.ProductKind;
import io.kinobezdna.orders.domain.Stock;
import io.kinobezdna.orders.domain.StockPolicy;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.id.UuidV7;
import io.kinobezdna.platform.tx.Transactions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The order use cases with every port mocked: what they store, move and publish. */
class OrderHandlersTest {

  private static final Duration WINDOW = Duration.ofMinutes(10);
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
  private final UUID user = UUID.randomUUID();
  private final Caller caller = new Caller(user, false);
  private final OrderRepository orders = mock(OrderRepository.class);
  private final StockRepository stocks = mock(StockRepository.class);
  private final Products products = mock(Products.class);
  private final List<OrderEvent> events = new ArrayList<>();
  private final OrderEvents eventPort = events::addAll;
  private final Transactions transactions =
      new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
          return work.get();
        }
      };
  private final OrderChanges changes =
      new OrderChanges(orders, stocks, eventPort, new UuidV7(CLOCK, new SecureRandom()), CLOCK);
  private final CreateOrderHandler create =
      new CreateOrderHandler(
          orders, stocks, products, new StockPolicy(5), changes, transactions, CLOCK);

  private List<OrderStatus> published() {
    return events.stream().map(OrderEvent::status).toList();
  }

  private void stockRows(Stock... rows) {
    Map<Long, Stock> map = new java.util.HashMap<>();
    for (Stock row : rows) {
      map.put(row.sku(), row);
    }
    when(stocks.find(anyCollection())).thenReturn(map);
    when(stocks.lock(anyCollection())).thenReturn(map);
  }

  @Test
  void anOrderWithStockIsReservedAndAwaitsPayment() {
    stockRows(Stock.limited(7, 5));
    when(orders.insert(any(), eq("")))
        .thenAnswer(i -> Optional.of(((Order) i.getArgument(0)).withId(41)));
    long id = create.handle(new CreateOrder(caller, user, List.of(new OrderLine(7, 2)), ""));
    assertThat(id).isEqualTo(41);
    assertThat(published()).containsExactly(OrderStatus.NEW, OrderStatus.AWAITING_PAYMENT);
    @SuppressWarnings("unchecked")
    ArgumentCaptor<Collection<Stock>> saved = ArgumentCaptor.forClass(Collection.class);
    verify(stocks).save(saved.capture());
    assertThat(saved.getValue()).containsExactly(new Stock(7, false, 5, 2));
  }

  @Test
  void anOrderShortOfStockFailsHoldingNothing() {
    stockRows(Stock.limited(7, 1));
    when(orders.insert(any(), eq("")))
        .thenAnswer(i -> Optional.of(((Order) i.getArgument(0)).withId(42)));
    assertThatThrownBy(
            () -> create.handle(new CreateOrder(caller, user, List.of(new OrderLine(7, 2)), "")))
        .isInstanceOfSatisfying(
            PlatformError.class, e -> assertThat(e.reason()).isEqualTo("INSUFFICIENT_STOCK"));
    assertThat(published()).containsExactly(OrderStatus.NEW, OrderStatus.FAILED);
    verify(stocks, never()).save(anyCollection());
  }

  @Test
  void skusSeenForTheFirstTimeGetTheirStockFromWhatCatalogSays() {
    when(stocks.lock(anyCollection())).thenReturn(Map.of());
    when(products.kind(7)).thenReturn(Optional.of(ProductKind.TICKET));
    when(products.kind(8)).thenReturn(Optional.empty());
    assertThatThrownBy(
            () ->
                create.handle(
                    new CreateOrder(
                        caller, user, List.of(new OrderLine(7, 1), new OrderLine(8, 1)), "")))
        .isInstanceOfSatisfying(
            PlatformError.class, e -> assertThat(e.reason()).isEqualTo("UNKNOWN_SKU"));
    verify(orders, never()).insert(any(), any());
    when(products.kind(8)).thenReturn(Optional.of(ProductKind.DIGITAL));
    // no rows on the first attempt, the provisioned ones on the second
    when(stocks.lock(anyCollection()))
        .thenReturn(Map.of(), Map.of(7L, Stock.limited(7, 5), 8L, Stock.unlimited(8)));
    when(orders.insert(any(), eq("")))
        .thenAnswer(i -> Optional.of(((Order) i.getArgument(0)).withId(43)));
    assertThat(
            create.handle(
                new CreateOrder(
                    caller, user, List.of(new OrderLine(7, 1), new OrderLine(8, 1)), "")))
        .isEqualTo(43);
    verify(stocks).addIfAbsent(List.of(Stock.limited(7, 5), Stock.unlimited(8)));
    verify(orders).insert(any(), eq(""));
    assertThat(published()).containsExactly(OrderStatus.NEW, OrderStatus.AWAITING_PAYMENT);
  }

  @Test
  void aRepeatedIdempotencyKeyAnswersWithTheFirstOrder() {
    Order earlier =
        new Order(
            44, user, OrderStatus.AWAITING_PAYMENT, List.of(new OrderLine(7, 1)), CLOCK.instant());
    stockRows(Stock.limited(7, 5));
    when(orders.insert(any(), eq("cart-v3"))).thenReturn(Optional.empty());
    when(orders.findByIdempotencyKey(user, "cart-v3")).thenReturn(Optional.of(earlier));
    assertThat(
            create.handle(new CreateOrder(caller, user, List.of(new OrderLine(7, 1)), "cart-v3")))
        .isEqualTo(44);
    verify(stocks, never()).save(anyCollection());
    assertThat(events).isEmpty();
  }

  @Test
  void nobodyOrdersForSomeoneElse() {
    assertThatThrownBy(
            () ->
                create.handle(
                    new CreateOrder(
                        new Caller(UUID.randomUUID(), false),
                        user,
                        List.of(new OrderLine(7, 1)),
                        "")))
        .isInstanceOfSatisfying(
            PlatformError.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.PERMISSION_DENIED));
  }

  @Test
  void payingSellsTheReservationAndCancellingReleasesIt() {
    Order awaiting =
        new Order(
            50, user, OrderStatus.AWAITING_PAYMENT, List.of(new OrderLine(7, 2)), CLOCK.instant());
    when(orders.lock(50)).thenReturn(Optional.of(awaiting));
    when(stocks.lock(anyCollection())).thenReturn(Map.of(7L, new Stock(7, false, 5, 2)));
    PayOrderHandler pay = new PayOrderHandler(changes, transactions, CLOCK, WINDOW);
    CancelOrderHandler cancel = new CancelOrderHandler(changes, transactions);
    pay.handle(new PayOrder(caller, 50));
    verify(stocks).save(List.of(new Stock(7, false, 3, 0)));
    cancel.handle(new CancelOrder(caller, 50));
    verify(stocks).save(List.of(new Stock(7, false, 5, 0)));
    assertThat(published()).containsExactly(OrderStatus.PAID, OrderStatus.CANCELLED);
    assertThatThrownBy(() -> pay.handle(new PayOrder(new Caller(UUID.randomUUID(), false), 50)))
        .isInstanceOfSatisfying(
            PlatformError.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
    when(orders.lock(51))
        .thenReturn(
            Optional.of(
                new Order(
                    51,
                    user,
                    OrderStatus.CANCELLED,
                    List.of(new OrderLine(7, 2)),
                    CLOCK.instant())));
    assertThatThrownBy(() -> pay.handle(new PayOrder(caller, 51)))
        .isInstanceOfSatisfying(
            PlatformError.class, e -> assertThat(e.reason()).isEqualTo("ORDER_CANCELLED"));
    cancel.handle(new CancelOrder(caller, 51));
    assertThat(events).hasSize(2);
  }

  @Test
  void anOrderPastItsPaymentWindowIsNotPaidEvenBeforeTheSweeperCancelsIt() {
    Order late =
        new Order(
            52,
            user,
            OrderStatus.AWAITING_PAYMENT,
            List.of(new OrderLine(7, 2)),
            CLOCK.instant().minus(WINDOW));
    when(orders.lock(52)).thenReturn(Optional.of(late));
    PayOrderHandler pay = new PayOrderHandler(changes, transactions, CLOCK, WINDOW);

    assertThatThrownBy(() -> pay.handle(new PayOrder(caller, 52)))
        .isInstanceOfSatisfying(
            PlatformError.class,
            e -> {
              assertThat(e.reason()).isEqualTo("ORDER_EXPIRED");
              assertThat(e.kind()).isEqualTo(ErrorKind.FAILED_PRECONDITION);
            });
    assertThat(events).isEmpty();
  }

  @Test
  void ordersUnpaidForTenMinutesAreCancelledInBatches() {
    Order old =
        new Order(
            60,
            user,
            OrderStatus.AWAITING_PAYMENT,
            List.of(new OrderLine(7, 1)),
            CLOCK.instant().minusSeconds(700));
    when(orders.lockUnpaidCreatedBefore(eq(CLOCK.instant().minus(WINDOW)), anyInt()))
        .thenReturn(List.of(old))
        .thenReturn(List.of());
    when(stocks.lock(anyCollection())).thenReturn(Map.of(7L, new Stock(7, false, 5, 1)));
    int cancelled =
        new CancelExpiredOrdersHandler(orders, stocks, changes, transactions, CLOCK, WINDOW)
            .handle();
    assertThat(cancelled).isEqualTo(1);
    assertThat(published()).containsExactly(OrderStatus.CANCELLED);
    verify(stocks).save(List.of(new Stock(7, false, 5, 0)));
  }

  @Test
  void queriesShowOwnOrdersAndStockThatIsNotRecordedYet() {
    Order mine =
        new Order(70, user, OrderStatus.PAID, List.of(new OrderLine(7, 1)), CLOCK.instant());
    when(orders.find(70)).thenReturn(Optional.of(mine));
    GetOrderHandler getOrder = new GetOrderHandler(orders);
    assertThat(getOrder.handle(new GetOrder(caller, 70))).isEqualTo(mine);
    assertThatThrownBy(
            () -> getOrder.handle(new GetOrder(new Caller(UUID.randomUUID(), false), 70)))
        .isInstanceOf(PlatformError.class);
    assertThat(getOrder.handle(new GetOrder(new Caller(UUID.randomUUID(), true), 70)))
        .isEqualTo(mine);
    when(orders.listByUser(user, 0, 3)).thenReturn(List.of(mine, mine.withId(69), mine.withId(68)));
    ListOrdersHandler.OrderPage page =
        new ListOrdersHandler(orders).handle(new ListOrders(caller, user, 0, 2));
    assertThat(page.orders()).hasSize(2);
    assertThat(page.nextBeforeOrderId()).isEqualTo(69);

    when(stocks.find(anyCollection())).thenReturn(Map.of());
    when(products.kind(7)).thenReturn(Optional.of(ProductKind.TICKET));
    GetStockHandler getStock = new GetStockHandler(stocks, products, new StockPolicy(5));
    assertThat(getStock.handle(new GetStock(7)).available()).isEqualTo(5);
    when(products.kind(8)).thenReturn(Optional.empty());
    assertThatThrownBy(() -> getStock.handle(new GetStock(8)))
        .isInstanceOfSatisfying(
            PlatformError.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
  }
}
