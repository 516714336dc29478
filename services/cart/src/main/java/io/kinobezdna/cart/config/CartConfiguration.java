package io.kinobezdna.cart.config;

import io.grpc.BindableService;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.kinobezdna.cart.adapter.in.grpc.CartGrpcService;
import io.kinobezdna.cart.adapter.out.grpc.CatalogGrpcProducts;
import io.kinobezdna.cart.adapter.out.grpc.OrdersGrpcClient;
import io.kinobezdna.cart.adapter.out.grpc.RateLimitInterceptor;
import io.kinobezdna.cart.adapter.out.jdbc.JdbcCartRepository;
import io.kinobezdna.cart.adapter.out.redis.RedisGcraTurns;
import io.kinobezdna.cart.application.command.CartChangesHandler;
import io.kinobezdna.cart.application.command.CheckoutHandler;
import io.kinobezdna.cart.application.pool.WorkerPool;
import io.kinobezdna.cart.application.port.CartRepository;
import io.kinobezdna.cart.application.port.Orders;
import io.kinobezdna.cart.application.port.ProductCatalog;
import io.kinobezdna.cart.application.query.ListCartHandler;
import io.kinobezdna.contracts.cart.v1.CartServiceGrpc;
import io.kinobezdna.contracts.catalog.v1.CatalogServiceGrpc;
import io.kinobezdna.contracts.orders.v1.OrdersServiceGrpc;
import io.kinobezdna.platform.auth.JwtVerifier;
import io.kinobezdna.platform.context.GrpcContextInterceptors;
import io.kinobezdna.platform.context.RequestContext;
import io.kinobezdna.platform.grpc.GrpcChannels;
import io.kinobezdna.platform.grpchttp.HttpJsonTranscoder;
import io.kinobezdna.platform.grpchttp.HttpRoute;
import io.kinobezdna.platform.grpchttp.InProcessGrpc;
import io.kinobezdna.platform.grpchttp.OpenApiDocument;
import io.kinobezdna.platform.grpchttp.ProtoValidationInterceptor;
import io.kinobezdna.platform.web.ServletPlatformSupport;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the cart use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
@Import(ServletPlatformSupport.class)
public class CartConfiguration {

  @Bean
  JwtVerifier jwtVerifier(
      @Value("${kb.auth.jwks-url}") URI jwksUrl,
      @Value("${kb.auth.audience:kinobezdna}") String audience) {
    return new JwtVerifier(jwksUrl, audience, Duration.ofMinutes(5));
  }

  @Bean
  @GlobalServerInterceptor
  ServerInterceptor requestContextInterceptor() {
    return GrpcContextInterceptors.server();
  }

  @Bean
  @GlobalServerInterceptor
  ProtoValidationInterceptor protoValidation() {
    return new ProtoValidationInterceptor();
  }

  @Bean
  CartRepository cartRepository(JdbcClient jdbc, TransactionTemplate transactions) {
    return new JdbcCartRepository(jdbc, transactions);
  }

  /**
   * The shared catalog rate limit ({@code kb.cart.catalog-rate-limit} calls per second for all
   * instances; 0 lifts it).
   */
  @Bean
  RateLimitInterceptor.Turns catalogTurns(
      StringRedisTemplate redis,
      @Value("${kb.cart.catalog-rate-limit:10}") double perSecond,
      @Value("${kb.cart.catalog-rate-burst:1}") int burst) {
    if (perSecond <= 0) {
      return maxWait -> Optional.of(Duration.ZERO);
    }
    return new RedisGcraTurns(redis, "kb:cart:catalog-rate", perSecond, burst);
  }

  @Bean(destroyMethod = "shutdownNow")
  ManagedChannel catalogChannel(
      @Value("${kb.grpc-services.catalog}") URI catalog, RateLimitInterceptor.Turns catalogTurns) {
    return GrpcChannels.toService(catalog, new RateLimitInterceptor(catalogTurns));
  }

  @Bean(destroyMethod = "shutdownNow")
  ManagedChannel ordersChannel(@Value("${kb.grpc-services.orders}") URI orders) {
    return GrpcChannels.toService(orders);
  }

  @Bean
  ProductCatalog productCatalog(ManagedChannel catalogChannel) {
    return new CatalogGrpcProducts(CatalogServiceGrpc.newBlockingStub(catalogChannel));
  }

  @Bean
  Orders orders(ManagedChannel ordersChannel) {
    return new OrdersGrpcClient(OrdersServiceGrpc.newBlockingStub(ordersChannel));
  }

  /**
   * The pool's workers run in the caller's request context and gRPC context (token, request id,
   * deadline, cancellation), both captured on the caller's thread.
   */
  @Bean
  WorkerPool listWorkers(@Value("${kb.cart.list-workers:8}") int workers) {
    UnaryOperator<Runnable> propagate =
        body -> {
          Optional<RequestContext> request = RequestContext.current();
          Runnable inGrpcContext = Context.current().wrap(body);
          return request.<Runnable>map(r -> () -> r.run(inGrpcContext)).orElse(inGrpcContext);
        };
    return new WorkerPool(workers, propagate);
  }

  @Bean
  CartChangesHandler cartChangesHandler(
      CartRepository carts, ProductCatalog catalog, Orders orders) {
    return new CartChangesHandler(carts, catalog, orders);
  }

  @Bean
  ListCartHandler listCartHandler(CartRepository carts, ProductCatalog catalog, WorkerPool pool) {
    return new ListCartHandler(carts, catalog, pool);
  }

  @Bean
  CheckoutHandler checkoutHandler(CartRepository carts, Orders orders) {
    return new CheckoutHandler(carts, orders);
  }

  @Bean
  CartGrpcService cartGrpcService(
      CartChangesHandler changes,
      ListCartHandler list,
      CheckoutHandler checkout,
      JwtVerifier verifier) {
    return new CartGrpcService(changes, list, checkout, verifier);
  }

  @Bean(destroyMethod = "close")
  InProcessGrpc inProcessCart(CartGrpcService service, ProtoValidationInterceptor validation) {
    return InProcessGrpc.start(List.<BindableService>of(service), validation);
  }

  /**
   * The Route256 cart routes over HTTP/JSON: an unknown SKU or short stock (FAILED_PRECONDITION) is
   * 412 there, as the Route256 cart answers.
   */
  @Bean
  HttpJsonTranscoder cartHttpJson(InProcessGrpc inProcessCart) {
    List<HttpRoute> routes = HttpRoute.of(List.of(CartServiceGrpc.getServiceDescriptor()));
    return new HttpJsonTranscoder(
        routes,
        inProcessCart.channel(),
        Map.of(Status.Code.FAILED_PRECONDITION, 412),
        Duration.ofSeconds(10),
        new OpenApiDocument(
            "KinoBezdna cart",
            "v1",
            routes,
            Map.of(412, "Catalog does not sell the SKU, or not enough stock.")));
  }
}
