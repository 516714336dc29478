package io.kinobezdna.orders.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.kinobezdna.contracts.catalog.v1.CatalogServiceGrpc;
import io.kinobezdna.contracts.catalog.v1.GetProductRequest;
import io.kinobezdna.contracts.catalog.v1.GetProductResponse;
import io.kinobezdna.contracts.catalog.v1.OfferKind;
import io.kinobezdna.contracts.orders.v1.ListOrdersRequest;
import io.kinobezdna.contracts.orders.v1.OrderCancelRequest;
import io.kinobezdna.contracts.orders.v1.OrderCreateRequest;
import io.kinobezdna.contracts.orders.v1.OrderInfoRequest;
import io.kinobezdna.contracts.orders.v1.OrderInfoResponse;
import io.kinobezdna.contracts.orders.v1.OrderItem;
import io.kinobezdna.contracts.orders.v1.OrderPayRequest;
import io.kinobezdna.contracts.orders.v1.OrdersServiceGrpc;
import io.kinobezdna.contracts.orders.v1.StocksInfoRequest;
import io.kinobezdna.orders.adapter.in.grpc.OrdersGrpcService;
import io.kinobezdna.orders.adapter.in.scheduling.ExpiredOrdersSweeper;
import io.kinobezdna.orders.adapter.out.grpc.CatalogGrpcProducts;
import io.kinobezdna.orders.adapter.out.outbox.OutboxOrderEvents;
import io.kinobezdna.orders.application.Caller;
import io.kinobezdna.orders.application.command.CancelExpiredOrdersHandler;
import io.kinobezdna.orders.application.command.CancelOrder;
import io.kinobezdna.orders.application.command.CancelOrderHandler;
import io.kinobezdna.orders.application.command.CreateOrder;
import io.kinobezdna.orders.application.command.CreateOrderHandler;
import io.kinobezdna.orders.application.command.PayOrder;
import io.kinobezdna.orders.application.command.PayOrderHandler;
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
import io.kinobezdna.platform.auth.JwtVerifier;
import io.kinobezdna.platform.context.GrpcContextInterceptors;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.outbox.OutboxMessage;
import io.kinobezdna.platform.outbox.OutboxWriter;
import io.kinobezdna.platform.testkit.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The orders adapters around mocked use cases and in-process gRPC stand-ins. */
class OrdersAdaptersTest {

  private static final Instant CREATED = Instant.parse("2026-11-23T10:00:00Z");
  private final UUID user = UUID.randomUUID();
  private final TestTokens tokens = new TestTokens();
  private final CreateOrderHandler create = mock(CreateOrderHandler.class);
  private final PayOrderHandler pay = mock(PayOrderHandler.class);
  private final CancelOrderHandler cancel = mock(CancelOrderHandler.class);
  private final GetOrderHandler getOrder = mock(GetOrderHandler.class);
  private final ListOrdersHandler listOrders = mock(ListOrdersHandler.class);
  private final GetStockHandler stocks = mock(GetStockHandler.class);
  private Server server;
  private ManagedChannel channel;

  @AfterEach
  void stop() {
    if (channel != null) {
      channel.shutdownNow();
      server.shutdownNow();
    }
    tokens.close();
  }

  private OrdersServiceGrpc.OrdersServiceBlockingStub orders() throws Exception {
    String name = "orders-" + UUID.randomUUID();
    OrdersGrpcService service =
        new OrdersGrpcService(
            create,
            pay,
            cancel,
            getOrder,
            listOrders,
            stocks,
            new JwtVerifier(
                java.net.URI.create(tokens.jwksUrl()), TestTokens.AUDIENCE, Duration.ofMinutes(5)),
            Duration.ofMinutes(10));
    server =
        InProcessServerBuilder.forName(name)
            .addService(ServerInterceptors.intercept(service, GrpcContextInterceptors.server()))
            .build()
            .start();
    channel = InProcessChannelBuilder.forName(name).build();
    Metadata headers = new Metadata();
    headers.put(
        Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
        "Bearer " + tokens.tokenFor(user.toString(), "Buyer"));
    return OrdersServiceGrpc.newBlockingStub(channel)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
  }

  @Test
  void theGrpcServiceMapsEveryCallToItsUseCase() throws Exception {
    var stub = orders();
    Caller caller = new Caller(user, false);
    when(create.handle(any())).thenReturn(7L);
    assertThat(
            stub.orderCreate(
                    OrderCreateRequest.newBuilder()
                        .setUserId(user.toString())
                        .addItems(OrderItem.newBuilder().setSku(5).setCount(2))
                        .setIdempotencyKey("k")
                        .build())
                .getOrderId())
        .isEqualTo(7);
    verify(create).handle(new CreateOrder(caller, user, List.of(new OrderLine(5, 2)), "k"));

    Order awaiting =
        new Order(7, user, OrderStatus.AWAITING_PAYMENT, List.of(new OrderLine(5, 2)), CREATED);
    when(getOrder.handle(new GetOrder(caller, 7))).thenReturn(awaiting);
    OrderInfoResponse info = stub.orderInfo(OrderInfoRequest.newBuilder().setOrderId(7).build());
    assertThat(info.getStatus()).isEqualTo("awaiting payment");
    assertThat(info.getPayBefore()).isEqualTo("2026-11-23T10:10:00Z");
    assertThat(info.getItems(0).getCount()).isEqualTo(2);

    stub.orderPay(OrderPayRequest.newBuilder().setOrderId(7).build());
    verify(pay).handle(new PayOrder(caller, 7));
    stub.orderCancel(OrderCancelRequest.newBuilder().setOrderId(7).build());
    verify(cancel).handle(new CancelOrder(caller, 7));

    when(stocks.handle(new GetStock(5))).thenReturn(new Stock(5, false, 10, 3));
    assertThat(stub.stocksInfo(StocksInfoRequest.newBuilder().setSku(5).build()).getCount())
        .isEqualTo(7);
    when(stocks.handle(new GetStock(6))).thenReturn(Stock.unlimited(6));
    var unlimited = stub.stocksInfo(StocksInfoRequest.newBuilder().setSku(6).build());
    assertThat(unlimited.getUnlimited()).isTrue();
    assertThat(unlimited.getCount()).isEqualTo(4_294_967_295L);

    when(listOrders.handle(new ListOrders(caller, user, 0, 0)))
        .thenReturn(
            new ListOrdersHandler.OrderPage(
                List.of(awaiting.pay(awaiting.createdAt(), Duration.ofMinutes(10)).orElseThrow()),
                0));
    var list = stub.listOrders(ListOrdersRequest.newBuilder().setUserId(user.toString()).build());
    assertThat(list.getOrders(0).getStatus()).isEqualTo("paid");
    assertThat(list.getOrders(0).getPayBefore()).isEmpty();
  }

  @Test
  void failuresBecomeStatusesAndATokenIsRequired() throws Exception {
    var stub = orders();
    doThrow(new PlatformError(ErrorKind.FAILED_PRECONDITION, "ORDER_CANCELLED", "cancelled"))
        .when(pay)
        .handle(any());
    assertThatThrownBy(() -> stub.orderPay(OrderPayRequest.newBuilder().setOrderId(3).build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
    var anonymous = OrdersServiceGrpc.newBlockingStub(channel);
    assertThatThrownBy(
            () -> anonymous.orderInfo(OrderInfoRequest.newBuilder().setOrderId(3).build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
  }

  @Test
  void statusEventsGoToTheLomsTopicKeyedByOrder() {
    OutboxWriter outbox = mock(OutboxWriter.class);
    UUID placedId = UUID.randomUUID();
    UUID eventId = UUID.randomUUID();
    new OutboxOrderEvents(outbox, JsonMapper.builder().build())
        .publish(
            List.of(
                new OrderEvent(placedId, 42, user, OrderStatus.NEW, CREATED),
                new OrderEvent(eventId, 42, user, OrderStatus.AWAITING_PAYMENT, CREATED)));
    @SuppressWarnings("unchecked")
    ArgumentCaptor<List<OutboxMessage>> sent = ArgumentCaptor.forClass(List.class);
    verify(outbox).append(sent.capture());
    assertThat(sent.getValue())
        .extracting(OutboxMessage::eventId)
        .containsExactly(placedId, eventId);
    OutboxMessage last = sent.getValue().get(1);
    assertThat(last.topic()).isEqualTo("loms.order-events");
    assertThat(last.key()).isEqualTo("42");
    JsonNode body =
        JsonMapper.builder().build().readTree(new String(last.payload(), StandardCharsets.UTF_8));
    assertThat(body.get("order_id").asLong()).isEqualTo(42);
    assertThat(body.get("status").asString()).isEqualTo("awaiting payment");
    assertThat(body.get("moment").asString()).isEqualTo("2026-11-23T10:00:00Z");
    assertThat(body.get("user_id").asString()).isEqualTo(user.toString());
  }

  @Test
  void catalogSaysWhichSkusAreTicketsAndWhichItDoesNotSell() throws Exception {
    String name = "catalog-" + UUID.randomUUID();
    server =
        InProcessServerBuilder.forName(name)
            .addService(
                new CatalogServiceGrpc.CatalogServiceImplBase() {
                  @Override
                  public void getProduct(
                      GetProductRequest request, StreamObserver<GetProductResponse> answer) {
                    if (request.getSku() == 9) {
                      answer.onError(Status.NOT_FOUND.asRuntimeException());
                      return;
                    }
                    if (request.getSku() == 13) {
                      answer.onError(Status.UNAVAILABLE.asRuntimeException());
                      return;
                    }
                    answer.onNext(
                        GetProductResponse.newBuilder()
                            .setKind(
                                request.getSku() == 1
                                    ? OfferKind.OFFER_KIND_TICKET
                                    : OfferKind.OFFER_KIND_BUY)
                            .build());
                    answer.onCompleted();
                  }
                })
            .build()
            .start();
    channel = InProcessChannelBuilder.forName(name).build();
    CatalogGrpcProducts products =
        new CatalogGrpcProducts(CatalogServiceGrpc.newBlockingStub(channel));
    assertThat(products.kind(1)).contains(ProductKind.TICKET);
    assertThat(products.kind(2)).contains(ProductKind.DIGITAL);
    assertThat(products.kind(9)).isEmpty();
    assertThatThrownBy(() -> products.kind(13))
        .isInstanceOfSatisfying(
            PlatformError.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
  }

  @Test
  void theSweeperRunsTheExpiryUntilClosedAndSurvivesAFailedRound() throws Exception {
    CancelExpiredOrdersHandler handler = mock(CancelExpiredOrdersHandler.class);
    when(handler.handle())
        .thenThrow(new IllegalStateException("database away"))
        .thenReturn(2)
        .thenReturn(0);
    ExpiredOrdersSweeper sweeper = new ExpiredOrdersSweeper(handler, Duration.ofMillis(10));
    sweeper.start();
    verify(handler, timeout(2_000).atLeast(3)).handle();
    sweeper.close();
    verify(handler, atLeastOnce()).handle();
  }
}
