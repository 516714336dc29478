package io.kinobezdna.cart.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
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
import io.kinobezdna.cart.adapter.in.grpc.CartGrpcService;
import io.kinobezdna.cart.adapter.out.grpc.CatalogGrpcProducts;
import io.kinobezdna.cart.adapter.out.grpc.OrdersGrpcClient;
import io.kinobezdna.cart.adapter.out.grpc.RateLimitInterceptor;
import io.kinobezdna.cart.adapter.out.redis.RedisGcraTurns;
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
import io.kinobezdna.cart.domain.CartLine;
import io.kinobezdna.cart.domain.PricedCart;
import io.kinobezdna.cart.domain.Product;
import io.kinobezdna.contracts.cart.v1.AddItemRequest;
import io.kinobezdna.contracts.cart.v1.CartServiceGrpc;
import io.kinobezdna.contracts.cart.v1.CheckoutRequest;
import io.kinobezdna.contracts.cart.v1.ClearRequest;
import io.kinobezdna.contracts.cart.v1.DeleteItemRequest;
import io.kinobezdna.contracts.cart.v1.ListRequest;
import io.kinobezdna.contracts.cart.v1.ListResponse;
import io.kinobezdna.contracts.catalog.v1.CatalogServiceGrpc;
import io.kinobezdna.contracts.catalog.v1.GetProductRequest;
import io.kinobezdna.contracts.catalog.v1.GetProductResponse;
import io.kinobezdna.contracts.common.v1.Money;
import io.kinobezdna.contracts.orders.v1.OrderCreateRequest;
import io.kinobezdna.contracts.orders.v1.OrderCreateResponse;
import io.kinobezdna.contracts.orders.v1.OrdersServiceGrpc;
import io.kinobezdna.contracts.orders.v1.StocksInfoRequest;
import io.kinobezdna.contracts.orders.v1.StocksInfoResponse;
import io.kinobezdna.platform.auth.JwtVerifier;
import io.kinobezdna.platform.context.GrpcContextInterceptors;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.testkit.TestTokens;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/** The cart adapters around mocked use cases and in-process gRPC stand-ins. */
class CartAdaptersTest {

  private final UUID user = UUID.randomUUID();
  private final TestTokens tokens = new TestTokens();
  private final List<Server> servers = new ArrayList<>();
  private final List<ManagedChannel> channels = new ArrayList<>();

  @AfterEach
  void stop() {
    channels.forEach(ManagedChannel::shutdownNow);
    servers.forEach(Server::shutdownNow);
    tokens.close();
  }

  private ManagedChannel serve(
      io.grpc.ServerServiceDefinition service, io.grpc.ClientInterceptor... interceptors)
      throws Exception {
    String name = "cart-test-" + UUID.randomUUID();
    servers.add(InProcessServerBuilder.forName(name).addService(service).build().start());
    ManagedChannel channel = InProcessChannelBuilder.forName(name).intercept(interceptors).build();
    channels.add(channel);
    return channel;
  }

  @Test
  void theGrpcServiceMapsEveryCallToItsUseCase() throws Exception {
    AddItemHandler addItem = mock(AddItemHandler.class);
    RemoveItemHandler removeItem = mock(RemoveItemHandler.class);
    ClearCartHandler clearCart = mock(ClearCartHandler.class);
    ListCartHandler list = mock(ListCartHandler.class);
    CheckoutHandler checkout = mock(CheckoutHandler.class);
    JwtVerifier verifier =
        new JwtVerifier(URI.create(tokens.jwksUrl()), TestTokens.AUDIENCE, Duration.ofMinutes(5));
    ManagedChannel channel =
        serve(
            ServerInterceptors.intercept(
                new CartGrpcService(addItem, removeItem, clearCart, list, checkout, verifier),
                GrpcContextInterceptors.server()));
    Metadata headers = new Metadata();
    headers.put(
        Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
        "Bearer " + tokens.tokenFor(user.toString(), "Buyer"));
    var cart =
        CartServiceGrpc.newBlockingStub(channel)
            .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    Caller caller = new Caller(user, false);
    String id = user.toString();

    cart.addItem(AddItemRequest.newBuilder().setUserId(id).setSku(11).setCount(2).build());
    verify(addItem).handle(new AddItem(caller, user, 11, 2));
    cart.deleteItem(DeleteItemRequest.newBuilder().setUserId(id).setSku(11).build());
    verify(removeItem).handle(new RemoveItem(caller, user, 11));
    cart.clear(ClearRequest.newBuilder().setUserId(id).build());
    verify(clearCart).handle(new ClearCart(caller, user));

    Product rent = new Product(11, "Metropolis — rent for 48 h", 34_900, "RUB", "film-1");
    when(list.handle(eq(new ListCart(caller, user)), any()))
        .thenReturn(
            PricedCart.of(
                List.of(new CartLine(11, 2), new CartLine(12, 1)),
                java.util.Arrays.asList(rent, null)));
    ListResponse listed = cart.list(ListRequest.newBuilder().setUserId(id).build());
    assertThat(listed.getTotalPrice()).isEqualTo(69_800);
    assertThat(listed.getItems(0).getName()).isEqualTo("Metropolis — rent for 48 h");
    assertThat(listed.getItems(0).getFilmId()).isEqualTo("film-1");
    assertThat(listed.getItems(1).getName()).isEqualTo("No longer sold");

    when(checkout.handle(new Checkout(caller, user))).thenReturn(5L);
    assertThat(cart.checkout(CheckoutRequest.newBuilder().setUserId(id).build()).getOrderId())
        .isEqualTo(5);
    when(checkout.handle(new Checkout(caller, user)))
        .thenThrow(new PlatformError(ErrorKind.NOT_FOUND, "CART_EMPTY", "empty"));
    assertThatThrownBy(() -> cart.checkout(CheckoutRequest.newBuilder().setUserId(id).build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
  }

  /** Catalog answering from a fixed product, counting calls. */
  private CatalogServiceGrpc.CatalogServiceBlockingStub catalog(
      io.grpc.ClientInterceptor... interceptors) throws Exception {
    var service =
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
                    .setSku(request.getSku())
                    .setName("Nosferatu — buy")
                    .setPrice(Money.newBuilder().setMinorUnits(79_900).setCurrency("RUB"))
                    .setFilmId("film-2")
                    .build());
            answer.onCompleted();
          }
        };
    return CatalogServiceGrpc.newBlockingStub(serve(service.bindService(), interceptors));
  }

  @Test
  void productsComeFromCatalogAndWhatItDoesNotSellIsEmpty() throws Exception {
    CatalogGrpcProducts products = new CatalogGrpcProducts(catalog());
    assertThat(products.product(5))
        .contains(new Product(5, "Nosferatu — buy", 79_900, "RUB", "film-2"));
    assertThat(products.product(9)).isEmpty();
    assertThatThrownBy(() -> products.product(13))
        .isInstanceOfSatisfying(
            PlatformError.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
  }

  @Test
  void theRateLimitMakesCallsWaitForTheirTurnOrRefusesLateTurns() throws Exception {
    AtomicReference<Optional<Duration>> turn = new AtomicReference<>(Optional.of(Duration.ZERO));
    AtomicReference<Duration> askedFor = new AtomicReference<>();
    RateLimitInterceptor limiter =
        new RateLimitInterceptor(
            maxWait -> {
              askedFor.set(maxWait);
              return turn.get();
            });
    var stub = catalog(limiter);
    assertThat(stub.getProduct(GetProductRequest.newBuilder().setSku(1).build()).getSku())
        .isEqualTo(1);
    assertThat(askedFor.get()).isEqualTo(Duration.ofSeconds(30)); // no deadline: the default wait

    turn.set(Optional.of(Duration.ofMillis(150)));
    long start = System.nanoTime();
    stub.withDeadlineAfter(5, java.util.concurrent.TimeUnit.SECONDS)
        .getProduct(GetProductRequest.newBuilder().setSku(2).build());
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(150));
    assertThat(askedFor.get())
        .isLessThanOrEqualTo(Duration.ofSeconds(5))
        .isGreaterThan(Duration.ofSeconds(4));

    turn.set(Optional.empty());
    assertThatThrownBy(() -> stub.getProduct(GetProductRequest.newBuilder().setSku(3).build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));

    turn.set(Optional.of(Duration.ofSeconds(10)));
    Thread.currentThread().interrupt();
    assertThatThrownBy(() -> stub.getProduct(GetProductRequest.newBuilder().setSku(4).build()))
        .isInstanceOf(StatusRuntimeException.class);
    Thread.interrupted();
  }

  @Test
  @SuppressWarnings("unchecked")
  void theRedisTurnsAskTheScriptInMicrosecondsAndReadItsAnswer() {
    StringRedisTemplate redis = mock(StringRedisTemplate.class);
    RedisGcraTurns turns = new RedisGcraTurns(redis, "kb:test", 10, 3);
    when(redis.execute(
            any(RedisScript.class),
            eq(List.of("kb:test")),
            eq("100000"),
            eq("200000"),
            eq("2000000")))
        .thenReturn(250_000L)
        .thenReturn(-1L);
    assertThat(turns.reserve(Duration.ofSeconds(2))).contains(Duration.ofMillis(250));
    assertThat(turns.reserve(Duration.ofSeconds(2))).isEmpty();
    assertThatThrownBy(() -> new RedisGcraTurns(redis, "kb:test", 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ordersAnswerStockAndOrdersAndTheirRefusals() throws Exception {
    AtomicReference<OrderCreateRequest> created = new AtomicReference<>();
    var service =
        new OrdersServiceGrpc.OrdersServiceImplBase() {
          @Override
          public void stocksInfo(
              StocksInfoRequest request, StreamObserver<StocksInfoResponse> answer) {
            answer.onNext(
                request.getSku() == 1
                    ? StocksInfoResponse.newBuilder()
                        .setUnlimited(true)
                        .setCount(4_294_967_295L)
                        .build()
                    : StocksInfoResponse.newBuilder().setCount(3).build());
            answer.onCompleted();
          }

          @Override
          public void orderCreate(
              OrderCreateRequest request, StreamObserver<OrderCreateResponse> answer) {
            created.set(request);
            if (request.getItems(0).getSku() == 13) {
              answer.onError(
                  Status.FAILED_PRECONDITION.withDescription("short").asRuntimeException());
              return;
            }
            answer.onNext(OrderCreateResponse.newBuilder().setOrderId(77).build());
            answer.onCompleted();
          }
        };
    OrdersGrpcClient orders =
        new OrdersGrpcClient(OrdersServiceGrpc.newBlockingStub(serve(service.bindService())));
    assertThat(orders.available(1)).isEqualTo(Long.MAX_VALUE);
    assertThat(orders.available(2)).isEqualTo(3);
    assertThat(orders.createOrder(user, List.of(new CartLine(5, 2)), "cart-v3")).isEqualTo(77);
    assertThat(created.get().getIdempotencyKey()).isEqualTo("cart-v3");
    assertThat(created.get().getUserId()).isEqualTo(user.toString());
    assertThat(created.get().getItems(0).getCount()).isEqualTo(2);
    assertThatThrownBy(() -> orders.createOrder(user, List.of(new CartLine(13, 1)), "cart-v4"))
        .isInstanceOfSatisfying(
            PlatformError.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.FAILED_PRECONDITION));
  }
}
