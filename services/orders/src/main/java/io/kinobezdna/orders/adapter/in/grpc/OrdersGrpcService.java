package io.kinobezdna.orders.adapter.in.grpc;

import io.grpc.stub.StreamObserver;
import io.kinobezdna.contracts.orders.v1.ListOrdersRequest;
import io.kinobezdna.contracts.orders.v1.ListOrdersResponse;
import io.kinobezdna.contracts.orders.v1.OrderCancelRequest;
import io.kinobezdna.contracts.orders.v1.OrderCancelResponse;
import io.kinobezdna.contracts.orders.v1.OrderCreateRequest;
import io.kinobezdna.contracts.orders.v1.OrderCreateResponse;
import io.kinobezdna.contracts.orders.v1.OrderInfoRequest;
import io.kinobezdna.contracts.orders.v1.OrderInfoResponse;
import io.kinobezdna.contracts.orders.v1.OrderItem;
import io.kinobezdna.contracts.orders.v1.OrderPayRequest;
import io.kinobezdna.contracts.orders.v1.OrderPayResponse;
import io.kinobezdna.contracts.orders.v1.OrdersServiceGrpc;
import io.kinobezdna.contracts.orders.v1.StocksInfoRequest;
import io.kinobezdna.contracts.orders.v1.StocksInfoResponse;
import io.kinobezdna.orders.application.Caller;
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
import io.kinobezdna.orders.domain.OrderLine;
import io.kinobezdna.orders.domain.OrderStatus;
import io.kinobezdna.orders.domain.Stock;
import io.kinobezdna.platform.auth.JwtVerifier;
import io.kinobezdna.platform.auth.VerifiedCaller;
import io.kinobezdna.platform.grpc.GrpcCalls;
import java.time.Duration;
import java.util.UUID;

/**
 * The LOMS contract over gRPC (and, through the transcoder, over HTTP/JSON). Requests arrive
 * already checked against their protovalidate rules; each method finds the caller in the token,
 * runs its use case and maps the answer.
 */
public final class OrdersGrpcService extends OrdersServiceGrpc.OrdersServiceImplBase {

  /** What StocksInfo reports as the count of an unlimited SKU (the largest uint32). */
  static final long UNLIMITED_COUNT = 4_294_967_295L;

  private final CreateOrderHandler create;
  private final PayOrderHandler pay;
  private final CancelOrderHandler cancel;
  private final GetOrderHandler getOrder;
  private final ListOrdersHandler listOrders;
  private final GetStockHandler getStock;
  private final JwtVerifier verifier;
  private final Duration paymentWindow;

  public OrdersGrpcService(
      CreateOrderHandler create,
      PayOrderHandler pay,
      CancelOrderHandler cancel,
      GetOrderHandler getOrder,
      ListOrdersHandler listOrders,
      GetStockHandler getStock,
      JwtVerifier verifier,
      Duration paymentWindow) {
    this.create = create;
    this.pay = pay;
    this.cancel = cancel;
    this.getOrder = getOrder;
    this.listOrders = listOrders;
    this.getStock = getStock;
    this.verifier = verifier;
    this.paymentWindow = paymentWindow;
  }

  @Override
  public void orderCreate(
      OrderCreateRequest request, StreamObserver<OrderCreateResponse> responses) {
    GrpcCalls.answer(
        responses,
        () -> {
          long id =
              create.handle(
                  new CreateOrder(
                      caller(),
                      UUID.fromString(request.getUserId()),
                      request.getItemsList().stream()
                          .map(item -> new OrderLine(item.getSku(), item.getCount()))
                          .toList(),
                      request.getIdempotencyKey()));
          return OrderCreateResponse.newBuilder().setOrderId(id).build();
        });
  }

  @Override
  public void orderInfo(OrderInfoRequest request, StreamObserver<OrderInfoResponse> responses) {
    GrpcCalls.answer(
        responses, () -> info(getOrder.handle(new GetOrder(caller(), request.getOrderId()))));
  }

  @Override
  public void orderPay(OrderPayRequest request, StreamObserver<OrderPayResponse> responses) {
    GrpcCalls.answer(
        responses,
        () -> {
          pay.handle(new PayOrder(caller(), request.getOrderId()));
          return OrderPayResponse.getDefaultInstance();
        });
  }

  @Override
  public void orderCancel(
      OrderCancelRequest request, StreamObserver<OrderCancelResponse> responses) {
    GrpcCalls.answer(
        responses,
        () -> {
          cancel.handle(new CancelOrder(caller(), request.getOrderId()));
          return OrderCancelResponse.getDefaultInstance();
        });
  }

  @Override
  public void stocksInfo(StocksInfoRequest request, StreamObserver<StocksInfoResponse> responses) {
    GrpcCalls.answer(
        responses,
        () -> {
          caller();
          Stock stock = getStock.handle(new GetStock(request.getSku()));
          return StocksInfoResponse.newBuilder()
              .setCount(stock.unlimited() ? UNLIMITED_COUNT : stock.available())
              .setUnlimited(stock.unlimited())
              .build();
        });
  }

  @Override
  public void listOrders(ListOrdersRequest request, StreamObserver<ListOrdersResponse> responses) {
    GrpcCalls.answer(
        responses,
        () -> {
          ListOrdersHandler.OrderPage page =
              listOrders.handle(
                  new ListOrders(
                      caller(),
                      UUID.fromString(request.getUserId()),
                      request.getBeforeOrderId(),
                      request.getLimit()));
          ListOrdersResponse.Builder answer =
              ListOrdersResponse.newBuilder().setNextBeforeOrderId(page.nextBeforeOrderId());
          page.orders().forEach(order -> answer.addOrders(info(order)));
          return answer.build();
        });
  }

  private Caller caller() {
    VerifiedCaller verified = GrpcCalls.caller(verifier);
    return new Caller(verified.userUuid(), verified.isAdmin());
  }

  private OrderInfoResponse info(Order order) {
    OrderInfoResponse.Builder info =
        OrderInfoResponse.newBuilder()
            .setOrderId(order.id())
            .setStatus(order.status().label())
            .setUserId(order.userId().toString())
            .setCreatedAt(order.createdAt().toString());
    if (order.status() == OrderStatus.AWAITING_PAYMENT) {
      info.setPayBefore(order.payBefore(paymentWindow).toString());
    }
    order
        .lines()
        .forEach(
            line ->
                info.addItems(
                    OrderItem.newBuilder().setSku(line.sku()).setCount(line.count()).build()));
    return info.build();
  }
}
