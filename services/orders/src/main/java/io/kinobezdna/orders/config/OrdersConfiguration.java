package io.kinobezdna.orders.config;

import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.ServerInterceptor;
import io.kinobezdna.contracts.catalog.v1.CatalogServiceGrpc;
import io.kinobezdna.contracts.orders.v1.OrdersServiceGrpc;
import io.kinobezdna.orders.adapter.in.grpc.OrdersGrpcService;
import io.kinobezdna.orders.adapter.in.scheduling.ExpiredOrdersSweeper;
import io.kinobezdna.orders.adapter.out.grpc.CatalogGrpcProducts;
import io.kinobezdna.orders.adapter.out.jdbc.JdbcOrderRepository;
import io.kinobezdna.orders.adapter.out.jdbc.JdbcStockRepository;
import io.kinobezdna.orders.adapter.out.outbox.OutboxOrderEvents;
import io.kinobezdna.orders.application.command.CancelExpiredOrdersHandler;
import io.kinobezdna.orders.application.command.ChangeOrderHandler;
import io.kinobezdna.orders.application.command.CreateOrderHandler;
import io.kinobezdna.orders.application.command.OrderChanges;
import io.kinobezdna.orders.application.port.OrderEvents;
import io.kinobezdna.orders.application.port.OrderRepository;
import io.kinobezdna.orders.application.port.Products;
import io.kinobezdna.orders.application.port.StockRepository;
import io.kinobezdna.orders.application.query.OrderQueries;
import io.kinobezdna.orders.application.query.StockQueries;
import io.kinobezdna.orders.domain.StockPolicy;
import io.kinobezdna.platform.auth.JwtVerifier;
import io.kinobezdna.platform.context.GrpcContextInterceptors;
import io.kinobezdna.platform.grpc.GrpcChannels;
import io.kinobezdna.platform.grpchttp.HttpJsonTranscoder;
import io.kinobezdna.platform.grpchttp.HttpRoute;
import io.kinobezdna.platform.grpchttp.InProcessGrpc;
import io.kinobezdna.platform.grpchttp.OpenApiDocument;
import io.kinobezdna.platform.grpchttp.ProtoValidationInterceptor;
import io.kinobezdna.platform.id.UuidV7;
import io.kinobezdna.platform.outbox.OutboxRelayConfiguration;
import io.kinobezdna.platform.outbox.OutboxWriter;
import io.kinobezdna.platform.tx.SpringTransactions;
import io.kinobezdna.platform.tx.Transactions;
import io.kinobezdna.platform.web.ServletPlatformSupport;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wires the orders use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
@Import({ServletPlatformSupport.class, OutboxRelayConfiguration.class})
public class OrdersConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  UuidV7 ids(Clock clock) {
    return new UuidV7(clock, new SecureRandom());
  }

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
  Transactions transactions(TransactionTemplate template) {
    return new SpringTransactions(template);
  }

  @Bean
  OrderRepository orderRepository(JdbcClient jdbc) {
    return new JdbcOrderRepository(jdbc);
  }

  @Bean
  StockRepository stockRepository(JdbcClient jdbc) {
    return new JdbcStockRepository(jdbc);
  }

  @Bean
  OrderEvents orderEvents(JdbcClient jdbc, JsonMapper json) {
    return new OutboxOrderEvents(new OutboxWriter(jdbc), json);
  }

  @Bean(destroyMethod = "shutdownNow")
  ManagedChannel catalogChannel(@Value("${kb.grpc-services.catalog}") URI catalog) {
    return GrpcChannels.toService(catalog);
  }

  @Bean
  Products products(ManagedChannel catalogChannel) {
    return new CatalogGrpcProducts(CatalogServiceGrpc.newBlockingStub(catalogChannel));
  }

  @Bean
  StockPolicy stockPolicy(@Value("${kb.orders.premiere-seats:100}") long premiereSeats) {
    return new StockPolicy(premiereSeats);
  }

  @Bean
  OrderChanges orderChanges(
      OrderRepository orders, StockRepository stocks, OrderEvents events, UuidV7 ids, Clock clock) {
    return new OrderChanges(orders, stocks, events, ids, clock);
  }

  @Bean
  CreateOrderHandler createOrderHandler(
      OrderRepository orders,
      StockRepository stocks,
      Products products,
      StockPolicy policy,
      OrderChanges changes,
      Transactions transactions,
      Clock clock) {
    return new CreateOrderHandler(orders, stocks, products, policy, changes, transactions, clock);
  }

  @Bean
  ChangeOrderHandler changeOrderHandler(
      OrderRepository orders,
      OrderChanges changes,
      Transactions transactions,
      Clock clock,
      @Value("${kb.orders.payment-window:10m}") Duration paymentWindow) {
    return new ChangeOrderHandler(orders, changes, transactions, clock, paymentWindow);
  }

  @Bean
  CancelExpiredOrdersHandler cancelExpiredOrdersHandler(
      OrderRepository orders,
      StockRepository stocks,
      OrderChanges changes,
      Transactions transactions,
      Clock clock,
      @Value("${kb.orders.payment-window:10m}") Duration paymentWindow) {
    return new CancelExpiredOrdersHandler(
        orders, stocks, changes, transactions, clock, paymentWindow);
  }

  @Bean(initMethod = "start", destroyMethod = "close")
  ExpiredOrdersSweeper expiredOrdersSweeper(
      CancelExpiredOrdersHandler handler,
      @Value("${kb.orders.expiry-sweep-interval:15s}") Duration interval) {
    return new ExpiredOrdersSweeper(handler, interval);
  }

  @Bean
  OrderQueries orderQueries(OrderRepository orders) {
    return new OrderQueries(orders);
  }

  @Bean
  StockQueries stockQueries(StockRepository stocks, Products products, StockPolicy policy) {
    return new StockQueries(stocks, products, policy);
  }

  @Bean
  OrdersGrpcService ordersGrpcService(
      CreateOrderHandler create,
      ChangeOrderHandler change,
      OrderQueries orders,
      StockQueries stocks,
      JwtVerifier verifier,
      @Value("${kb.orders.payment-window:10m}") Duration paymentWindow) {
    return new OrdersGrpcService(create, change, orders, stocks, verifier, paymentWindow);
  }

  @Bean(destroyMethod = "close")
  InProcessGrpc inProcessOrders(OrdersGrpcService service, ProtoValidationInterceptor validation) {
    return InProcessGrpc.start(List.<BindableService>of(service), validation);
  }

  /** The LOMS HTTP/JSON routes, swagger-ui and the OpenAPI document. */
  @Bean
  HttpJsonTranscoder ordersHttpJson(InProcessGrpc inProcessOrders) {
    List<HttpRoute> routes = HttpRoute.of(List.of(OrdersServiceGrpc.getServiceDescriptor()));
    return new HttpJsonTranscoder(
        routes,
        inProcessOrders.channel(),
        Map.of(),
        Duration.ofSeconds(10),
        new OpenApiDocument("KinoBezdna orders (LOMS)", "v1", routes, Map.of()));
  }
}
