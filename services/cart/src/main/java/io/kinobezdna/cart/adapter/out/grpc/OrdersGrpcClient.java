package io.kinobezdna.cart.adapter.out.grpc;

import io.grpc.StatusRuntimeException;
import io.kinobezdna.cart.application.port.Orders;
import io.kinobezdna.cart.domain.CartLine;
import io.kinobezdna.contracts.orders.v1.OrderCreateRequest;
import io.kinobezdna.contracts.orders.v1.OrderItem;
import io.kinobezdna.contracts.orders.v1.OrdersServiceGrpc;
import io.kinobezdna.contracts.orders.v1.StocksInfoRequest;
import io.kinobezdna.contracts.orders.v1.StocksInfoResponse;
import io.kinobezdna.platform.errors.GrpcErrors;
import java.util.List;
import java.util.UUID;

/** The orders service over gRPC, with the caller's token and deadline. */
public final class OrdersGrpcClient implements Orders {

  private final OrdersServiceGrpc.OrdersServiceBlockingStub orders;

  public OrdersGrpcClient(OrdersServiceGrpc.OrdersServiceBlockingStub orders) {
    this.orders = orders;
  }

  @Override
  public long available(long sku) {
    try {
      StocksInfoResponse stock =
          orders.stocksInfo(StocksInfoRequest.newBuilder().setSku(sku).build());
      return stock.getUnlimited() ? Long.MAX_VALUE : stock.getCount();
    } catch (StatusRuntimeException e) {
      throw GrpcErrors.fromStatus(e);
    }
  }

  @Override
  public long createOrder(UUID userId, List<CartLine> lines, String idempotencyKey) {
    OrderCreateRequest.Builder request =
        OrderCreateRequest.newBuilder()
            .setUserId(userId.toString())
            .setIdempotencyKey(idempotencyKey);
    lines.forEach(
        line -> request.addItems(OrderItem.newBuilder().setSku(line.sku()).setCount(line.count())));
    try {
      return orders.orderCreate(request.build()).getOrderId();
    } catch (StatusRuntimeException e) {
      throw GrpcErrors.fromStatus(e);
    }
  }
}
