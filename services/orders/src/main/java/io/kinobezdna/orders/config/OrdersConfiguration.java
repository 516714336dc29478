package io.kinobezdna.orders.config;

import io.kinobezdna.contracts.catalog.v1.CatalogServiceGrpc;
import io.kinobezdna.orders.adapter.in.grpc.OrdersGrpcService;
import io.kinobezdna.orders.adapter.in.scheduling.ExpiredOrdersSweeper;
import io.kinobezdna.orders.adapter.out.grpc.CatalogGrpcProducts;
import io.kinobezdna.orders.adapter.out.jdbc.JdbcOrderRepository;
import io.kinobezdna.orders.adapter.out.jdbc.JdbcStockRepository;
import io.kinobezdna.orders.adapter.out.outbox.OutboxOrderEvents;
import io.kinobezdna.orders.application.command.CancelExpiredOrdersHandler;
import io.kinobezdna.orders.application.command.CancelOrderHandler;
import io.kinobezdna.orders.application.command.CreateOrderHandler;
import io.kinobezdna.orders.application.command.OrderChanges;
import io.kinobezdna.orders.application.command.PayOrderHandler;
import io.kinobezdna.orders.application.port.OrderRepository;
import io.kinobezdna.orders.application.port.Products;
import io.kinobezdna.orders.application.port.StockRepository;
import io.kinobezdna.orders.application.query.GetOrderHandler;
import io.kinobezdna.orders.application.query.GetStockHandler;
import io.kinobezdna.orders.application.query.ListOrdersHandler;
import io.kinobezdna.orders.domain.StockPolicy;
import io.kinobezdna.platform.auth.JwtVerifier;
import io.kinobezdna.platform.grpc.GrpcServiceChannels;
import io.kinobezdna.platform.grpchttp.HttpJsonApi;
import io.kinobezdna.platform.tx.Transactions;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Wires the orders use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrdersProperties.class)
@Import({
  CancelOrderHandler.class,
  CreateOrderHandler.class,
  GetOrderHandler.class,
  GetStockHandler.class,
  JdbcOrderRepository.class,
  JdbcStockRepository.class,
  ListOrdersHandler.class,
  OrderChanges.class,
  OutboxOrderEvents.class
})
public class OrdersConfiguration {

  @Bean
  Products products(GrpcServiceChannels channels) {
    return new CatalogGrpcProducts(CatalogServiceGrpc.newBlockingStub(channels.channel("catalog")));
  }

  @Bean
  StockPolicy stockPolicy(OrdersProperties settings) {
    return new StockPolicy(settings.premiereSeats());
  }

  @Bean
  PayOrderHandler payOrderHandler(
      OrderChanges changes, Transactions transactions, Clock clock, OrdersProperties settings) {
    return new PayOrderHandler(changes, transactions, clock, settings.paymentWindow());
  }

  @Bean
  CancelExpiredOrdersHandler cancelExpiredOrdersHandler(
      OrderRepository orders,
      StockRepository stocks,
      OrderChanges changes,
      Transactions transactions,
      Clock clock,
      OrdersProperties settings) {
    return new CancelExpiredOrdersHandler(
        orders, stocks, changes, transactions, clock, settings.paymentWindow());
  }

  @Bean(initMethod = "start", destroyMethod = "close")
  ExpiredOrdersSweeper expiredOrdersSweeper(
      CancelExpiredOrdersHandler handler, OrdersProperties settings) {
    return new ExpiredOrdersSweeper(handler, settings.expirySweepInterval());
  }

  @Bean
  OrdersGrpcService ordersGrpcService(
      CreateOrderHandler create,
      PayOrderHandler pay,
      CancelOrderHandler cancel,
      GetOrderHandler getOrder,
      ListOrdersHandler listOrders,
      GetStockHandler getStock,
      JwtVerifier verifier,
      OrdersProperties settings) {
    return new OrdersGrpcService(
        create, pay, cancel, getOrder, listOrders, getStock, verifier, settings.paymentWindow());
  }

  /** The LOMS HTTP/JSON routes, swagger-ui and the OpenAPI document. */
  @Bean
  HttpJsonApi ordersHttpJson(OrdersGrpcService service) {
    return new HttpJsonApi("KinoBezdna orders (LOMS)", service);
  }
}
