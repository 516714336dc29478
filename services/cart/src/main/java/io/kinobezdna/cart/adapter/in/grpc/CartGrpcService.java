package io.kinobezdna.cart.adapter.in.grpc;

import io.grpc.stub.StreamObserver;
import io.kinobezdna.cart.application.Caller;
import io.kinobezdna.cart.application.command.AddItem;
import io.kinobezdna.cart.application.command.AddItemHandler;
import io.kinobezdna.cart.application.command.Checkout;
import io.kinobezdna.cart.application.command.CheckoutHandler;
import io.kinobezdna.cart.application.command.ClearCart;
import io.kinobezdna.cart.application.command.ClearCartHandler;
import io.kinobezdna.cart.application.command.RemoveItem;
import io.kinobezdna.cart.application.command.RemoveItemHandler;
import io.kinobezdna.cart.application.query.ListCart;
import io.kinobezdna.cart.application.query.ListCartHandler;
import io.kinobezdna.cart.domain.PricedCart;
import io.kinobezdna.contracts.cart.v1.AddItemRequest;
import io.kinobezdna.contracts.cart.v1.AddItemResponse;
import io.kinobezdna.contracts.cart.v1.CartItem;
import io.kinobezdna.contracts.cart.v1.CartServiceGrpc;
import io.kinobezdna.contracts.cart.v1.CheckoutRequest;
import io.kinobezdna.contracts.cart.v1.CheckoutResponse;
import io.kinobezdna.contracts.cart.v1.ClearRequest;
import io.kinobezdna.contracts.cart.v1.ClearResponse;
import io.kinobezdna.contracts.cart.v1.DeleteItemRequest;
import io.kinobezdna.contracts.cart.v1.DeleteItemResponse;
import io.kinobezdna.contracts.cart.v1.ListRequest;
import io.kinobezdna.contracts.cart.v1.ListResponse;
import io.kinobezdna.platform.auth.JwtVerifier;
import io.kinobezdna.platform.auth.VerifiedCaller;
import io.kinobezdna.platform.grpc.GrpcCalls;
import java.util.UUID;

/**
 * The Route256 cart over gRPC (and, through the transcoder, over HTTP/JSON). Requests arrive
 * already checked against their protovalidate rules.
 */
public final class CartGrpcService extends CartServiceGrpc.CartServiceImplBase {

  private final AddItemHandler addItem;
  private final RemoveItemHandler removeItem;
  private final ClearCartHandler clearCart;
  private final ListCartHandler list;
  private final CheckoutHandler checkout;
  private final JwtVerifier verifier;

  public CartGrpcService(
      AddItemHandler addItem,
      RemoveItemHandler removeItem,
      ClearCartHandler clearCart,
      ListCartHandler list,
      CheckoutHandler checkout,
      JwtVerifier verifier) {
    this.addItem = addItem;
    this.removeItem = removeItem;
    this.clearCart = clearCart;
    this.list = list;
    this.checkout = checkout;
    this.verifier = verifier;
  }

  @Override
  public void addItem(AddItemRequest request, StreamObserver<AddItemResponse> responses) {
    GrpcCalls.answer(
        responses,
        () -> {
          addItem.handle(
              new AddItem(
                  caller(),
                  UUID.fromString(request.getUserId()),
                  request.getSku(),
                  request.getCount()));
          return AddItemResponse.getDefaultInstance();
        });
  }

  @Override
  public void deleteItem(DeleteItemRequest request, StreamObserver<DeleteItemResponse> responses) {
    GrpcCalls.answer(
        responses,
        () -> {
          removeItem.handle(
              new RemoveItem(caller(), UUID.fromString(request.getUserId()), request.getSku()));
          return DeleteItemResponse.getDefaultInstance();
        });
  }

  @Override
  public void clear(ClearRequest request, StreamObserver<ClearResponse> responses) {
    GrpcCalls.answer(
        responses,
        () -> {
          clearCart.handle(new ClearCart(caller(), UUID.fromString(request.getUserId())));
          return ClearResponse.getDefaultInstance();
        });
  }

  @Override
  public void list(ListRequest request, StreamObserver<ListResponse> responses) {
    GrpcCalls.answer(
        responses,
        () -> {
          PricedCart cart =
              list.handle(
                  new ListCart(caller(), UUID.fromString(request.getUserId())),
                  new GrpcCancellation());
          ListResponse.Builder answer =
              ListResponse.newBuilder()
                  .setTotalPrice(cart.totalMinorUnits())
                  .setCurrency(cart.currency());
          for (PricedCart.PricedLine line : cart.lines()) {
            answer.addItems(
                CartItem.newBuilder()
                    .setSku(line.line().sku())
                    .setName(line.product().name())
                    .setCount(line.line().count())
                    .setPrice(line.product().priceMinorUnits())
                    .setCurrency(line.product().currency())
                    .setFilmId(line.product().filmId()));
          }
          return answer.build();
        });
  }

  @Override
  public void checkout(CheckoutRequest request, StreamObserver<CheckoutResponse> responses) {
    GrpcCalls.answer(
        responses,
        () ->
            CheckoutResponse.newBuilder()
                .setOrderId(
                    checkout.handle(new Checkout(caller(), UUID.fromString(request.getUserId()))))
                .build());
  }

  private Caller caller() {
    VerifiedCaller verified = GrpcCalls.caller(verifier);
    return new Caller(verified.userUuid(), verified.isAdmin());
  }
}
