package io.kinobezdna.cart.config;

import io.grpc.Context;
import io.grpc.Status;
import io.kinobezdna.cart.adapter.in.grpc.CartGrpcService;
import io.kinobezdna.cart.adapter.out.CallTurns;
import io.kinobezdna.cart.adapter.out.grpc.CatalogGrpcProducts;
import io.kinobezdna.cart.adapter.out.grpc.OrdersGrpcClient;
import io.kinobezdna.cart.adapter.out.grpc.RateLimitInterceptor;
import io.kinobezdna.cart.adapter.out.jdbc.JdbcCartRepository;
import io.kinobezdna.cart.adapter.out.redis.RedisGcraTurns;
import io.kinobezdna.cart.application.command.AddItemHandler;
import io.kinobezdna.cart.application.command.CheckoutHandler;
import io.kinobezdna.cart.application.command.ClearCartHandler;
import io.kinobezdna.cart.application.command.RemoveItemHandler;
import io.kinobezdna.cart.application.pool.WorkerPool;
import io.kinobezdna.cart.application.port.Orders;
import io.kinobezdna.cart.application.port.ProductCatalog;
import io.kinobezdna.cart.application.query.ListCartHandler;
import io.kinobezdna.contracts.catalog.v1.CatalogServiceGrpc;
import io.kinobezdna.contracts.orders.v1.OrdersServiceGrpc;
import io.kinobezdna.platform.context.RequestContext;
import io.kinobezdna.platform.grpc.GrpcServiceChannels;
import io.kinobezdna.platform.grpchttp.HttpJsonApi;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Wires the cart use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
@Import({
  AddItemHandler.class,
  ClearCartHandler.class,
  RemoveItemHandler.class,
  CartGrpcService.class,
  CheckoutHandler.class,
  JdbcCartRepository.class,
  ListCartHandler.class
})
public class CartConfiguration {

  /**
   * The shared catalog rate limit ({@code kb.cart.catalog-rate-limit} calls per second for all
   * instances; 0 lifts it).
   */
  @Bean
  CallTurns catalogTurns(
      StringRedisTemplate redis,
      @Value("${kb.cart.catalog-rate-limit:10}") double perSecond,
      @Value("${kb.cart.catalog-rate-burst:1}") int burst) {
    if (perSecond <= 0) {
      return maxWait -> Optional.of(Duration.ZERO);
    }
    return new RedisGcraTurns(redis, "kb:cart:catalog-rate", perSecond, burst);
  }

  @Bean
  ProductCatalog productCatalog(GrpcServiceChannels channels, CallTurns catalogTurns) {
    return new CatalogGrpcProducts(
        CatalogServiceGrpc.newBlockingStub(
            channels.channel("catalog", new RateLimitInterceptor(catalogTurns))));
  }

  @Bean
  Orders orders(GrpcServiceChannels channels) {
    return new OrdersGrpcClient(OrdersServiceGrpc.newBlockingStub(channels.channel("orders")));
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

  /**
   * The Route256 cart routes over HTTP/JSON: an unknown SKU or short stock (FAILED_PRECONDITION) is
   * 412 there, as the Route256 cart answers.
   */
  @Bean
  HttpJsonApi cartHttpJson(CartGrpcService service) {
    return new HttpJsonApi(
        "KinoBezdna cart",
        service,
        Map.of(Status.Code.FAILED_PRECONDITION, 412),
        Map.of(412, "Catalog does not sell the SKU, or not enough stock."));
  }
}
